"use client";
import { describeView } from "@/lib/describe";
import { toDayString } from "@/lib/dates";
import type { Window } from "@/lib/filter";
import { isFiltered, NO_FILTERS } from "@/lib/query";
import { useViewContext, ViewLink } from "./ViewContext";

/** "7 of 49 events — 7 events in Beijing, 2025 — clear": the count and the view as a sentence. */
export function SummaryLine({ matched, liveWindow }: { matched: number; liveWindow: Window | null }) {
  const context = useViewContext();
  const index = context.index;
  // While the timeline is dragged the sentence follows the visible window, as the count does.
  const query = liveWindow ? { ...context.query, from: toDayString(liveWindow.startMs), to: toDayString(liveWindow.endMs) } : context.query;
  const total = index.events.length;
  const filtered = isFiltered(query);
  return (
    <p className="summary" aria-live="polite">
      <strong data-testid="match-count">{filtered ? `${matched.toLocaleString("en")} of ${total.toLocaleString("en")} events` : `All ${total.toLocaleString("en")} events`}</strong>
      {filtered ? (
        <>
          {" · "}
          <span data-testid="view-sentence">{describeView(query, index, matched)}</span>
          {" — "}
          <ViewLink patch={NO_FILTERS} label="Clear all filters">clear</ViewLink>
        </>
      ) : null}
    </p>
  );
}
