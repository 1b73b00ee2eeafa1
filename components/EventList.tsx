"use client";
import { useState } from "react";
import type { IndexedEvent } from "@/lib/dataset";
import { formatSpan } from "@/lib/dates";
import { categoryLabel, placeLabel } from "@/lib/labels";
import { NO_FILTERS } from "@/lib/query";
import { useViewContext, ViewLink } from "./ViewContext";

const PAGE = 200; // rows rendered at once: the list must stay fast when the dataset grows to 10⁵ events

/** The accessible, printable list of matching events, in date order. */
export function EventList({ events }: { events: IndexedEvent[] }) {
  const { index, query } = useViewContext();
  const [shown, setShown] = useState(PAGE);
  if (events.length === 0) {
    return (
      <section className="empty" data-testid="empty-state">
        <p>No events match this view.</p>
        <ViewLink patch={NO_FILTERS} className="button">Clear filters</ViewLink>
      </section>
    );
  }
  return (
    <section aria-label="Matching events">
      <ol className="event-list" data-testid="event-list">
        {events.slice(0, shown).map((event) => (
          <li key={event.id} data-event-id={event.id} className={event.id === query.event ? "selected" : undefined}>
            <ViewLink patch={{ event: event.id }} current={event.id === query.event}>
              <time dateTime={event.start}>{formatSpan(event.start, event.end)}</time>
              <span className="title">{event.title}</span>
              <span className="meta">
                {placeLabel(event, index)}
                {event.placeCertainty === "inferred" ? " (inferred)" : ""} · {categoryLabel(event, index)}
              </span>
            </ViewLink>
          </li>
        ))}
      </ol>
      {events.length > shown ? (
        <button type="button" className="button" onClick={() => setShown((n) => n + PAGE)}>
          Show {Math.min(PAGE, events.length - shown)} more of {events.length - shown}
        </button>
      ) : null}
    </section>
  );
}
