"use client";
import { isFiltered, NO_FILTERS } from "@/lib/query";
import { sentenceOf, type SentenceParts } from "@/lib/sentence";
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
  const { query } = useViewContext();
  const filtered = liveWindow !== null || isFiltered(query);
  const sentence = sentenceOf(matched, liveWindow ? { ...parts, window: dayRangeLabel(liveWindow) } : parts);
  return (
    <p className="summary" aria-live="polite">
      <strong data-testid="match-count">
        {filtered ? `${matched.toLocaleString("en")} of ${total.toLocaleString("en")} events` : `All ${total.toLocaleString("en")} events`}
      </strong>
      {filtered ? (
        <>
          {" · "}
          <span data-testid="view-sentence">{sentence}</span>
          {" — "}
          <ViewLink patch={NO_FILTERS} label="Clear all filters">clear</ViewLink>
        </>
      ) : null}
    </p>
  );
}
