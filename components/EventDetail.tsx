"use client";
import { useEffect, useRef } from "react";
import type { DashboardView } from "@/lib/view-model";
import { DETAIL_HEADING_ID } from "./useSelectionFocus";
import { useViewContext, ViewLink } from "./ViewContext";

const STEP_KEYS: Record<string, "previous" | "next"> = { ArrowLeft: "previous", ArrowRight: "next" };

/**
 * Everything the sources say about one event, with the quotes that support it: a card above the list
 * on wide screens, a bottom sheet on a phone. Previous/Next (and the arrow keys) step through the
 * matching events in date order; the server worked out which they are.
 */
export function EventDetail({ detail }: { detail: NonNullable<DashboardView["selected"]> }) {
  const { setView, text } = useViewContext();
  const t = text.detail;
  const other = text.lang === "zh" ? "en" : "zh-Hans";
  const { steps } = detail;
  const card = useRef<HTMLElement>(null);
  // Escape closes the detail, as it would a dialog. Left/Right step while focus is in the detail
  // (Up/Down keep scrolling a long one); Alt+Left is the browser's Back, so modifiers are left alone.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      if (e.key === "Escape") return setView({ event: null });
      const target = steps[STEP_KEYS[e.key]];
      if (!target || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || !card.current?.contains(e.target as Node)) return;
      e.preventDefault();
      setView({ event: target });
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [setView, steps]);
  const step = (to: "previous" | "next", label: string) => {
    const target = steps[to];
    return target ? (
      <ViewLink patch={{ event: target }} className={`button ${to}`} keys={to === "next" ? "ArrowRight" : "ArrowLeft"}>{label}</ViewLink>
    ) : (
      <span className={`button ${to}`} aria-disabled="true">{label}</span>
    );
  };
  return (
    <article className="detail" data-testid="event-detail" aria-labelledby={DETAIL_HEADING_ID} ref={card}>
      <div className="detail-bar">
        <nav className="steps" aria-label={t.steps}>
          {step("previous", t.previous)}
          {steps.position ? <span className="position" data-testid="detail-position">{steps.position}</span> : null}
          {step("next", t.next)}
        </nav>
        <ViewLink patch={{ event: null }} className="close" label={t.close}>×</ViewLink>
      </div>
      <h2 id={DETAIL_HEADING_ID} tabIndex={-1}>{detail.title}</h2>
      {detail.altTitle ? <p className="title-alt" lang={other}>{detail.altTitle}</p> : null}
      {detail.titleZhNote ? <p className="note title-source" data-testid="title-zh-source">{detail.titleZhNote}</p> : null}
      <dl>
        <dt>{t.date}</dt>
        <dd>
          {detail.date}
          {detail.precisionNote ? <span className="note"> ({detail.precisionNote})</span> : null}
          {detail.dateNote ? <span className="note"> — {detail.dateNote}</span> : null}
        </dd>
        <dt>{t.place}</dt>
        <dd>
          {detail.where}
          {detail.placeAlt ? <span lang={other}> · {detail.placeAlt}</span> : null}
          <span className="note"> — {detail.placeNote}</span>
        </dd>
        <dt>{t.category}</dt>
        <dd>{detail.category}</dd>
        {detail.organizations.length > 0 ? (
          <>
            <dt>{t.organizations}</dt>
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
            <dt>{t.people}</dt>
            <dd>{detail.people.join(", ")}</dd>
          </>
        ) : null}
        {detail.figures.length > 0 ? (
          <>
            <dt>{t.figures}</dt>
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
      <p className="summary-text" lang="en">{detail.summary}</p>
      <h3>{t.sources}</h3>
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
