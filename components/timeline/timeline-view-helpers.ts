import type { Timeline } from "vis-timeline/esnext";
import type { EventRow } from "@/lib/rows";
import { finiteWindow, type TimeWindow } from "@/lib/time-window";
import { fitWindow } from "@/lib/timeline-items";

/** Imperative pieces of TimelineView that talk to vis-timeline and the DOM directly. */

export const visWindow = (range: { start: Date | number; end: Date | number }): TimeWindow => ({
  startMs: +range.start,
  endMs: +range.end,
});

/**
 * vis-timeline draws and measures each added item on its own, before clustering hides most of them:
 * thousands of forced layouts. Detached from layout, those measurements cost nothing; then one
 * cluster refresh measures only the items that stay on screen.
 */
export function withoutLayout(timeline: Timeline, root: HTMLElement, change: () => void) {
  const frame = root.querySelector<HTMLElement>(":scope > .vis-timeline");
  if (!frame) return change();
  frame.style.display = "none";
  try {
    change();
  } finally {
    frame.style.display = "";
    // vis cached a zero-width panel's ms-per-pixel while hidden; re-setting the range clears it.
    const { start, end } = timeline.getWindow();
    timeline.setWindow(start, end, { animation: false });
    timeline.redraw(); // re-measures every displayed item
  }
}

const ALL_YEARS: TimeWindow = { startMs: Date.UTC(2014, 0, 1), endMs: Date.UTC(2026, 0, 1) };

/** The URL's window made finite (an open side falls back to the events' extent), or a fit to the events. */
export function resolveWindow(w: TimeWindow | null, extent: TimeWindow | null): TimeWindow {
  const fit = fitWindow(extent ?? ALL_YEARS);
  return w ? finiteWindow(w, fit) : fit;
}

function isOnScreen(root: HTMLElement): boolean {
  const panel = root.querySelector(".vis-panel.vis-center")?.getBoundingClientRect();
  if (!panel) return true;
  return [...root.querySelectorAll(".vis-item.tl-selected")].some((el) => {
    const r = el.getBoundingClientRect();
    return r.bottom > panel.top && r.top < panel.bottom && r.right > panel.left && r.left < panel.right;
  });
}

/**
 * Bring the selected event into view: freely when the URL has no time window; with a window, only
 * by scrolling rows (the window stays the URL's), and not at all if the event lies outside it.
 */
export function revealSelection(timeline: Timeline, root: HTMLElement, itemId: string, event: EventRow | undefined, window: TimeWindow | null) {
  if (!event || isOnScreen(root)) return;
  if (!window) return timeline.focus(itemId, { zoom: false, animation: false });
  const { start, end } = timeline.getWindow();
  if (event.endMs < +start || event.startMs > +end) return;
  timeline.focus(itemId, { zoom: false, animation: false }); // also scrolls its row into view
  timeline.setWindow(start, end, { animation: false });
}
