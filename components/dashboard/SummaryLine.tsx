"use client";
import { isFiltered, NO_FILTERS } from "@/lib/query/query";
import type { Range } from "@/lib/timeline/scrub-outcome";
import { summaryOf, type SentenceParts, type Summary } from "@/lib/i18n/sentence";
import { useViewContext, ViewLink } from "./ViewContext";

interface Props {
  total: number;
  /** The server's view: what the URL holds. */
  summary: Summary;
  parts: SentenceParts;
  /** While the timeline is dragged: the count and window the sentence follows, frame by frame. */
  live: { matched: number; range: Range; windowLabel: string | null } | null;
}

/**
 * "7 of 49 events · 7 events in Beijing, 2025 — clear": the count and the view as a sentence.
 * The visible line follows a drag frame by frame, so it is no live region; a hidden status says the
 * committed view once, when the server has answered a change (a drag's end, a filter), never per frame.
 */
export function SummaryLine({ total, summary: committed, parts, live }: Props) {
  const { text, query } = useViewContext();
  // A drag's summary is written here, frame by frame; the URL's came written from the server.
  const shown = live
    ? summaryOf(total, live.matched, isFiltered({ ...query, ...live.range }), { ...parts, window: live.windowLabel }, text.counts)
    : committed;
  return (
    <>
      <p className="summary">
        <strong data-testid="match-count">{shown.count}</strong>
        {shown.sentence ? (
          <>
            {" · "}
            <span data-testid="view-sentence">{shown.sentence}</span>
            {" — "}
            <ViewLink patch={NO_FILTERS} label={text.summary.clearLabel}>
              {text.summary.clear}
            </ViewLink>
          </>
        ) : null}
      </p>
      <p role="status" className="visually-hidden" data-testid="view-status">
        {committed.sentence ? `${committed.count} · ${committed.sentence}` : committed.count}
      </p>
    </>
  );
}
