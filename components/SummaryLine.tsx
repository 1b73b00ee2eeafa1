"use client";
import { isFiltered, NO_FILTERS } from "@/lib/query";
import { sentenceOf, type SentenceParts } from "@/lib/sentence";
import { countText } from "@/lib/i18n/plural";
import { dayRangeLabel, type TimeWindow } from "@/lib/time-window";
import { useViewContext, ViewLink } from "./ViewContext";

interface Props {
  total: number;
  matched: number;
  parts: SentenceParts;
  /** While the timeline is dragged, the sentence follows the visible window, as the count does. */
  liveWindow: TimeWindow | null;
}

/** "7 of 49 events · 7 events in Beijing, 2025 — clear": the count and the view as a sentence. */
export function SummaryLine({ total, matched, parts, liveWindow }: Props) {
  const { query, text } = useViewContext();
  const { lang } = text;
  const filtered = liveWindow !== null || isFiltered(query);
  const sentence = sentenceOf(matched, liveWindow ? { ...parts, window: dayRangeLabel(liveWindow, lang) } : parts);
  return (
    <p className="summary" aria-live="polite">
      <strong data-testid="match-count">
        {filtered ? countText(text.counts.matchedOf, total, lang, { matched: matched.toLocaleString(lang) }) : countText(text.counts.all, total, lang)}
      </strong>
      {filtered ? (
        <>
          {" · "}
          <span data-testid="view-sentence">{sentence}</span>
          {" — "}
          <ViewLink patch={NO_FILTERS} label={text.summary.clearLabel}>{text.summary.clear}</ViewLink>
        </>
      ) : null}
    </p>
  );
}
