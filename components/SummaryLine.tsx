"use client";
import { isFiltered, NO_FILTERS } from "@/lib/query";
import { sentenceOf, type SentenceParts } from "@/lib/sentence";
import { countText } from "@/lib/i18n/plural";
import { dayRangeLabel, type TimeWindow } from "@/lib/time-window";
import { useViewContext, ViewLink } from "./ViewContext";

interface Props {
  total: number;
  /** The server's view: what the URL holds. */
  matched: number;
  parts: SentenceParts;
  /** While the timeline is dragged: the count and window the sentence follows, frame by frame. */
  live: { matched: number; window: TimeWindow } | null;
}

/**
 * "7 of 49 events · 7 events in Beijing, 2025 — clear": the count and the view as a sentence.
 * The visible line follows a drag frame by frame, so it is no live region; a hidden status says the
 * committed view once, when the server has answered a change (a drag's end, a filter), never per frame.
 */
export function SummaryLine({ total, matched, parts, live }: Props) {
  const { query, text } = useViewContext();
  const { lang } = text;
  const describe = (n: number, filtered: boolean, window?: TimeWindow) => ({
    count: filtered ? countText(text.counts.matchedOf, total, lang, { matched: n.toLocaleString(lang) }) : countText(text.counts.all, total, lang),
    sentence: filtered ? sentenceOf(n, window ? { ...parts, window: dayRangeLabel(window, lang) } : parts) : "",
  });
  const shown = describe(live?.matched ?? matched, live !== null || isFiltered(query), live?.window);
  const committed = describe(matched, isFiltered(query));
  return (
    <>
      <p className="summary">
        <strong data-testid="match-count">{shown.count}</strong>
        {shown.sentence ? (
          <>
            {" · "}
            <span data-testid="view-sentence">{shown.sentence}</span>
            {" — "}
            <ViewLink patch={NO_FILTERS} label={text.summary.clearLabel}>{text.summary.clear}</ViewLink>
          </>
        ) : null}
      </p>
      <p role="status" className="visually-hidden" data-testid="view-status">
        {committed.sentence ? `${committed.count} · ${committed.sentence}` : committed.count}
      </p>
    </>
  );
}
