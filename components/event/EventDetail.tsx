"use client";
import { useCallback, useEffect, useRef, type ReactNode } from "react";
import type { BrowserView } from "@/lib/view/view-model";
import { DETAIL_HEADING_ID } from "../dashboard/useSelectionFocus";
import { useViewContext, ViewLink } from "../dashboard/ViewContext";

/** The layout in which the detail is a bottom sheet (globals.css uses the same width). */
const SHEET_LAYOUT = "(max-width: 860px)";

const STEP_KEYS: Record<string, "previous" | "next"> = { ArrowLeft: "previous", ArrowRight: "next" };

/**
 * Everything the sources say about one event, with the quotes that support it: a card above the list
 * on wide screens, a bottom sheet on a phone. Previous/Next (and the arrow keys) step through the
 * matching events in date order; the server worked out which they are. What the sources say (the
 * body, `EventDetailBody`) is rendered on the server and comes in as `children`.
 */
export function EventDetail({ detail, children }: { detail: NonNullable<BrowserView["selected"]>; children: ReactNode }) {
  const { setView, text } = useViewContext();
  const t = text.detail;
  const { steps } = detail;
  const card = useRef<HTMLElement>(null);
  // Escape closes the detail, as it would a dialog (not from a field, where it clears the text, nor
  // from an open dialog such as "Embed", which Escape closes instead).
  // Left/Right step while focus is in the detail (Up/Down keep scrolling a long one); Alt+Left is
  // the browser's Back, so modifiers are left alone.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || (e.target as Element).closest?.("input, select, textarea, dialog")) return;
      if (e.key === "Escape") return setView({ event: null });
      const target = steps[STEP_KEYS[e.key]];
      if (!target || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || !card.current?.contains(e.target as Node)) return;
      e.preventDefault();
      setView({ event: target });
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [setView, steps]);
  // On a phone the card is a bottom sheet that a pull down closes (swipe-to-close.ts): its code loads
  // with the first sheet shown, not with every reader's first scripts.
  const close = useCallback(() => setView({ event: null }), [setView]);
  useEffect(() => {
    let undo: (() => void) | null = null;
    let gone = false;
    const layout = window.matchMedia(SHEET_LAYOUT);
    if (layout.matches)
      void import("./swipe-to-close").then(({ swipeToClose }) => {
        if (!gone && card.current) undo = swipeToClose(card.current, close, layout);
      });
    return () => {
      gone = true;
      undo?.();
    };
  }, [close]);
  // Stepping to another event keeps the card (a phone's sheet does not slide in again) but starts
  // its reading at the top.
  useEffect(() => {
    if (card.current) card.current.scrollTop = 0;
  }, [detail.id]);
  const step = (to: "previous" | "next", label: string) => {
    const target = steps[to];
    return target ? (
      <ViewLink patch={{ event: target }} className={`button ${to}`} keys={to === "next" ? "ArrowRight" : "ArrowLeft"}>
        {label}
      </ViewLink>
    ) : (
      <span className={`button ${to}`} aria-disabled="true">
        {label}
      </span>
    );
  };
  return (
    <article className="detail" data-testid="event-detail" aria-labelledby={DETAIL_HEADING_ID} ref={card}>
      <div className="detail-bar">
        <nav className="steps" aria-label={t.steps}>
          {step("previous", t.previous)}
          {steps.position ? (
            <span className="position" data-testid="detail-position">
              {steps.position}
            </span>
          ) : null}
          {step("next", t.next)}
        </nav>
        <ViewLink patch={{ event: null }} className="close" label={t.close}>
          ×
        </ViewLink>
      </div>
      <h2 id={DETAIL_HEADING_ID} tabIndex={-1}>
        {detail.title}
      </h2>
      {children}
    </article>
  );
}
