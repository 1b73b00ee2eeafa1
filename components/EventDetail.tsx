"use client";
import { useEffect } from "react";
import type { EventDetailModel } from "@/lib/detail";
import { useViewContext, ViewLink } from "./ViewContext";

/** Everything the sources say about one event, with the quotes that support it. */
export function EventDetail({ detail }: { detail: EventDetailModel }) {
  const { setView } = useViewContext();
  // Escape closes the detail, as it would a dialog.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && !e.defaultPrevented && setView({ event: null });
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [setView]);
  return (
    <article className="detail" data-testid="event-detail" aria-labelledby="detail-title">
      <ViewLink patch={{ event: null }} className="close" label="Close event details">×</ViewLink>
      <h2 id="detail-title">{detail.title}</h2>
      {detail.titleZh ? <p className="title-zh" lang="zh-Hans">{detail.titleZh}</p> : null}
      <dl>
        <dt>Date</dt>
        <dd>
          {detail.date}
          {detail.precisionNote ? <span className="note"> ({detail.precisionNote})</span> : null}
          {detail.dateNote ? <span className="note"> — {detail.dateNote}</span> : null}
        </dd>
        <dt>Place</dt>
        <dd>
          {detail.where}
          {detail.placeZh ? <span lang="zh-Hans"> · {detail.placeZh}</span> : null}
          <span className="note"> — {detail.placeNote}</span>
        </dd>
        <dt>Category</dt>
        <dd>{detail.category}</dd>
        {detail.organizations.length > 0 ? (
          <>
            <dt>Organizations</dt>
            <dd>
              <ul className="inline-list">
                {detail.organizations.map((name) => (
                  <li key={name}>{name}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        {detail.people.length > 0 ? (
          <>
            <dt>People</dt>
            <dd>{detail.people.join(", ")}</dd>
          </>
        ) : null}
        {detail.figures.length > 0 ? (
          <>
            <dt>Figures</dt>
            <dd>
              <ul className="inline-list">
                {detail.figures.map((figure) => (
                  <li key={figure}>{figure}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
      <p className="summary-text">{detail.summary}</p>
      <h3>Sources</h3>
      <ul className="sources">
        {detail.sources.map((source, i) => (
          <li key={i}>
            <q>{source.quote}</q>{" "}
            {source.href ? (
              <a href={source.href} className="source-link">
                <cite>{source.document}</cite>
              </a>
            ) : (
              <cite>{source.document}</cite>
            )}
          </li>
        ))}
      </ul>
    </article>
  );
}
