import type { Timeline } from "vis-timeline/esnext";
import type { EventRow } from "@/lib/view/rows";
import { finiteWindow, type TimeWindow } from "@/lib/core/time-window";
import { fitWindow } from "@/lib/timeline/timeline-items";

/** Imperative pieces of TimelineView that talk to vis-timeline and the DOM directly. */

export const visWindow = (range: { start: Date | number; end: Date | number }): TimeWindow => ({
  startMs: +range.start,
  endMs: +range.end,
});

/** The parts of vis-timeline's item set a batched re-measure needs (not in its typings). */
interface VisItemSet {
  items: Record<string, { dirty: boolean; displayed: boolean; hide(): void }>;
  groups: Record<string, { stackDirty: boolean }>;
}

/**
 * vis-timeline draws and measures each added item on its own (a style recalculation and a layout
 * each: 2 s for 830 items at 10⁵ events). Out of the document, those measurements cost nothing.
 * Then every item is hidden and marked dirty, so that vis draws the ones on screen again in its
 * batched pass (all DOM writes, then all reads: one style and layout for all of them), not one by
 * one as `timeline.redraw()` re-measures the items it still shows.
 */
export function withoutLayout(timeline: Timeline, root: HTMLElement, change: () => void) {
  const frame = root.querySelector<HTMLElement>(":scope > .vis-timeline");
  if (!frame) return change();
  const { parentNode, nextSibling } = frame;
  frame.remove();
  try {
    change();
  } finally {
    parentNode!.insertBefore(frame, nextSibling);
    const itemSet = (timeline as unknown as { itemSet?: VisItemSet }).itemSet;
    for (const item of Object.values(itemSet?.items ?? {})) {
      item.dirty = true;
      if (item.displayed) item.hide();
    }
    for (const group of Object.values(itemSet?.groups ?? {})) group.stackDirty = true;
    // vis cached a zero-width panel's ms-per-pixel while detached; re-setting the range clears it.
    const { start, end } = timeline.getWindow();
    timeline.setWindow(start, end, { animation: false });
    timeline.redraw();
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
export function revealSelection(
  timeline: Timeline,
  root: HTMLElement,
  itemId: string,
  event: EventRow | undefined,
  window: TimeWindow | null,
  group?: string,
) {
  if (!event || isOnScreen(root)) return;
  if (window) {
    const { start, end } = timeline.getWindow();
    if (event.endMs < +start || event.startMs > +end) return;
  }
  const { start, end } = timeline.getWindow();
  scrollToRow(timeline, group);
  timeline.focus(itemId, { zoom: false, animation: false });
  // With a URL window the window stays the URL's: only the rows scroll.
  if (window) timeline.setWindow(start, end, { animation: false });
}

/** vis-timeline's internals, for one thing its API lacks: scrolling to a row it has not drawn yet. */
interface VisInternals {
  itemSet?: { groups?: Record<string, { top?: number } | undefined> };
  _setScrollTop?: (top: number) => number;
  _redraw?: () => void;
}

/**
 * vis draws only the rows in view, and focus() can only scroll to an item it has drawn: a row far
 * below is brought up first, by its top.
 */
function scrollToRow(timeline: Timeline, group: string | undefined) {
  const vis = timeline as unknown as VisInternals;
  const top = group === undefined ? undefined : vis.itemSet?.groups?.[group]?.top;
  if (top === undefined || !vis._setScrollTop || !vis._redraw) return;
  vis._setScrollTop(-top);
  vis._redraw();
}
