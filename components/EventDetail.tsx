"use client";
import { useEffect } from "react";
import type { IndexedEvent } from "@/lib/dataset";
import { formatSpan, precisionOf } from "@/lib/dates";
import { figureText } from "@/lib/figures";
import { categoryLabel, placeLabel } from "@/lib/labels";
import { useViewContext, ViewLink } from "./ViewContext";

const PRECISION_NOTE = { year: "known to the year", month: "known to the month", day: "" } as const;

/** Everything the sources say about one event, with the quotes that support it. */
export function EventDetail({ event }: { event: IndexedEvent }) {
  const { index, setView } = useViewContext();
  // Escape closes the detail, as it would a dialog.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && !e.defaultPrevented && setView({ event: null });
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [setView]);
  const precision = precisionOf(event.start);
  const place = event.place ? index.placeById.get(event.place) : undefined;
  return (
    <article className="detail" data-testid="event-detail" aria-labelledby="detail-title">
      <ViewLink patch={{ event: null }} className="close" label="Close event details">×</ViewLink>
      <h2 id="detail-title">{event.title}</h2>
      {event.titleZh ? <p className="title-zh" lang="zh-Hans">{event.titleZh}</p> : null}
      <dl>
        <dt>Date</dt>
        <dd>
          {formatSpan(event.start, event.end)}
          {PRECISION_NOTE[precision] ? <span className="note"> ({PRECISION_NOTE[precision]})</span> : null}
        </dd>
        <dt>Place</dt>
        <dd>
          {placeLabel(event, index)}
          {place ? <span lang="zh-Hans"> · {place.nameZh}</span> : null}
          {place ? (
            <span className="note">
              {event.placeCertainty === "stated" ? " — stated in the source" : " — inferred: well established, not stated in the source"}
            </span>
          ) : (
            <span className="note"> — not on the map</span>
          )}
        </dd>
        <dt>Category</dt>
        <dd>{categoryLabel(event, index)}</dd>
        {event.organizations.length > 0 ? (
          <>
            <dt>Organizations</dt>
            <dd>
              <ul className="inline-list">
                {event.organizations.map((id) => (
                  <li key={id}>{index.orgById.get(id)?.name ?? id}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        {event.people?.length ? (
          <>
            <dt>People</dt>
            <dd>{event.people.join(", ")}</dd>
          </>
        ) : null}
        {event.figures && Object.keys(event.figures).length > 0 ? (
          <>
            <dt>Figures</dt>
            <dd>
              <ul className="inline-list">
                {Object.entries(event.figures).map(([key, figure]) => (
                  <li key={key}>{figureText(key, figure)}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
      <p className="summary-text">{event.summary}</p>
      <h3>Sources</h3>
      <ul className="sources">
        {event.sources.map((source, i) => (
          <li key={i}>
            <q>{source.quote}</q> <cite>{source.document}</cite>
          </li>
        ))}
      </ul>
    </article>
  );
}
