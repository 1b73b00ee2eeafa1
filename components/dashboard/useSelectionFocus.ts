"use client";
import { useCallback, useEffect, useRef } from "react";
import type { SetView } from "./useView";

const rowOf = (id: string) => document.querySelector<HTMLElement>(`.event-list li[data-event-id="${CSS.escape(id)}"]`);

/** The detail heading, focused when the user picks an event (see EventDetail). */
export const DETAIL_HEADING_ID = "detail-title";

/**
 * Selection you can see. When the user picks an event (list row, timeline item, map, Previous/Next),
 * focus moves to its detail and its row is scrolled into view; when they close it, focus goes back
 * to what opened it, or else to the event's row. A selection the user did not make on this page
 * (opening a link, Back) moves neither focus nor the page.
 *
 * Returns `setView` wrapped to notice selection changes before they reach the URL.
 */
export function useSelectionFocus(selectedId: string | null, setView: SetView): SetView {
  const opener = useRef<HTMLElement | null>(null);
  const asked = useRef(false);
  const shown = useRef(selectedId);

  const noteSelection = useCallback((id: string | null) => {
    const active =
      document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    if (id !== null && id === shown.current) return document.getElementById(DETAIL_HEADING_ID)?.focus();
    asked.current = true;
    // Stepping from inside the detail: closing then returns to the row of the event shown, not to the first opener.
    if (id !== null) opener.current = active?.closest(".detail") ? null : active;
  }, []);

  useEffect(() => {
    const previous = shown.current;
    shown.current = selectedId;
    if (previous === selectedId) return;
    const userAsked = asked.current;
    asked.current = false;
    if (selectedId) {
      const row = rowOf(selectedId);
      // The list scrolls inside the sidebar on wide screens; on a phone the page itself would move,
      // which only helps when the row was what the user touched (it must clear the bottom sheet).
      const listScrolls = getComputedStyle(document.querySelector(".sidebar-scroll") ?? document.body).overflowY !== "visible";
      if (row && (listScrolls || (userAsked && opener.current?.closest(".event-list")))) row.scrollIntoView({ block: "nearest" });
      if (userAsked) document.getElementById(DETAIL_HEADING_ID)?.focus({ preventScroll: true });
    } else if (userAsked) {
      const back = opener.current?.isConnected ? opener.current : previous ? rowOf(previous)?.querySelector("a") : null;
      back?.focus();
      opener.current = null;
    }
  }, [selectedId]);

  return useCallback<SetView>(
    (patch, how) => {
      if ("event" in patch) noteSelection(patch.event ?? null);
      setView(patch, how);
    },
    [noteSelection, setView],
  );
}
