"use client";
import { describeView } from "@/lib/describe";
import { isFiltered, NO_FILTERS } from "@/lib/query";
import { useViewContext, ViewLink } from "./ViewContext";

/** "7 of 49 events — 7 events in Beijing, 2025 — clear": the count and the view as a sentence. */
export function SummaryLine({ matched }: { matched: number }) {
  const { query, index } = useViewContext();
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
