import type { Timeline } from "vis-timeline/esnext";
import type { Step } from "@/lib/core/date-order";
import { eventIdOfItem } from "@/lib/timeline/timeline-items";
import type { TimeWindow } from "@/lib/core/time-window";
import type { TimelineController } from "./timeline-controller";
import { DAY_MS } from "./timeline-options";
import { visWindow } from "./timeline-view-helpers";
import { reducedMotion } from "../dashboard/reduced-motion";
import type { VisItem } from "./vis-content";

export interface InputHandlers {
  /** A finished change of window for the URL, with the window it began from. */
  onScrubEnd: (w: TimeWindow, before: TimeWindow) => void;
  onSelect: (eventId: string) => void;
  /** The arrow keys moved to this event: keep its item out of clusters, so it can take focus. */
  onStep: (eventId: string) => void;
}

/** What the wiring asks of the controller, which owns the items, the selection and the current event. */
type Owner = Pick<TimelineController, "itemOf" | "showSelection" | "stepTarget" | "setCurrent" | "setFocusInside" | "focusCurrent">;

const STEPS: Record<string, Step> = { ArrowRight: "next", ArrowLeft: "previous", Home: "first", End: "last" };
const PAN_SHARE = 0.2;
const ZOOM_FACTOR = 0.6;

/**
 * The reader's clicks, taps and keys on the timeline (drags and wheel zooms are the controller's
 * gesture): clicks and taps on items, clusters and density buckets, and the keyboard: Left/Right
 * step through events in date order (Home/End: first/last), Enter/Space select, Shift+Left/Right
 * pan, +/- zoom. Returns the cleanup.
 */
export function wireUserInput(timeline: Timeline, root: HTMLElement, owner: Owner, on: InputHandlers): () => void {
  timeline.on("select", (p: { items: (string | number)[] }) => {
    const id = p.items[0];
    if (id !== undefined && owner.itemOf(id)?.kind === "event") {
      const eventId = eventIdOfItem(id);
      owner.showSelection(eventId); // every row's copy at once, before the parent answers
      on.onSelect(eventId);
    } else {
      // A click on empty space, a cluster or a bucket does not change which event the URL selects.
      owner.showSelection();
    }
  });
  // A density bucket opens its period: the timeline zooms to it and the URL takes it as from/to.
  const zoomToBucket = (item: VisItem | null) => {
    if (item?.kind !== "bucket") return false;
    const { period } = item;
    const before = visWindow(timeline.getWindow());
    timeline.setWindow(period.startMs, period.endMs + 1, { animation: !reducedMotion() }, () => on.onScrubEnd(period, before));
    return true;
  };
  timeline.on("click", (p: { isCluster: boolean; time: Date; item: string | number | null }) => {
    if (zoomToBucket(owner.itemOf(p.item)) || !p.isCluster) return;
    const now = visWindow(timeline.getWindow());
    const half = Math.max((now.endMs - now.startMs) / 6, DAY_MS / 2);
    const centre = +p.time;
    timeline.setWindow(centre - half, centre + half, { animation: !reducedMotion() }, () =>
      on.onScrubEnd(visWindow(timeline.getWindow()), now),
    );
  });

  // Keys that move the window change the URL at once, as a finished drag does.
  const moveWindow = (change: (w: TimeWindow) => TimeWindow) => {
    const before = visWindow(timeline.getWindow());
    const next = change(before);
    timeline.setWindow(next.startMs, next.endMs, { animation: false });
    on.onScrubEnd(visWindow(timeline.getWindow()), before);
  };
  const stepTo = (eventId: string) => {
    owner.setCurrent(eventId);
    on.onStep(eventId);
    owner.focusCurrent();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const step = STEPS[e.key];
    if (step && !e.shiftKey) {
      e.preventDefault();
      const next = owner.stepTarget(step);
      if (next) stepTo(next);
      return;
    }
    if (e.shiftKey && (e.key === "ArrowLeft" || e.key === "ArrowRight")) {
      e.preventDefault();
      const sign = e.key === "ArrowLeft" ? -1 : 1;
      moveWindow((w) => ({
        startMs: w.startMs + sign * PAN_SHARE * (w.endMs - w.startMs),
        endMs: w.endMs + sign * PAN_SHARE * (w.endMs - w.startMs),
      }));
      return;
    }
    if (e.key === "+" || e.key === "=" || e.key === "-" || e.key === "_") {
      e.preventDefault();
      const factor = e.key === "-" || e.key === "_" ? 1 / ZOOM_FACTOR : ZOOM_FACTOR;
      moveWindow((w) => {
        const centre = (w.startMs + w.endMs) / 2;
        const half = ((w.endMs - w.startMs) / 2) * factor;
        return { startMs: centre - half, endMs: centre + half };
      });
      return;
    }
    if (e.key !== "Enter" && e.key !== " ") return;
    const bucket = (e.target as HTMLElement).closest<HTMLElement>("[data-bucket-id]");
    if (bucket) {
      e.preventDefault();
      zoomToBucket(owner.itemOf(bucket.dataset.bucketId));
      return;
    }
    const target = (e.target as HTMLElement).closest<HTMLElement>("[data-event-id]");
    if (!target?.dataset.eventId) return;
    e.preventDefault();
    owner.setCurrent(target.dataset.eventId);
    on.onSelect(target.dataset.eventId);
  };
  // Focus that leaves for another control is gone on purpose; focus dropped by a redraw is given back.
  const onFocusIn = (e: FocusEvent) => {
    owner.setFocusInside(true);
    const id = (e.target as HTMLElement).closest<HTMLElement>("[data-event-id]")?.dataset.eventId;
    if (id) owner.setCurrent(id);
  };
  const onFocusOut = (e: FocusEvent) => {
    if (e.relatedTarget && !root.contains(e.relatedTarget as Node)) owner.setFocusInside(false);
  };
  const onPointerDown = (e: PointerEvent) => {
    if (!root.contains(e.target as Node)) owner.setFocusInside(false);
  };
  root.addEventListener("keydown", onKeyDown);
  root.addEventListener("focusin", onFocusIn);
  root.addEventListener("focusout", onFocusOut);
  document.addEventListener("pointerdown", onPointerDown, true);

  return () => {
    root.removeEventListener("keydown", onKeyDown);
    root.removeEventListener("focusin", onFocusIn);
    root.removeEventListener("focusout", onFocusOut);
    document.removeEventListener("pointerdown", onPointerDown, true);
  };
}

/**
 * Give keyboard focus to the current event's item, scrolling its row into view; when a redraw has
 * replaced the focused item (or it is folded into a cluster until the next redraw), this is called
 * again after that redraw.
 */
export function focusItem(
  timeline: Timeline,
  root: HTMLElement,
  current: string | null,
  firstItemOf: (eventId: string) => string | undefined,
): void {
  const active = document.activeElement;
  if (active && active !== document.body && !root.contains(active)) return;
  const body = current ? root.querySelector<HTMLElement>(`.tl-item-body[data-event-id="${CSS.escape(current)}"]`) : null;
  const target = body ?? root.querySelector<HTMLElement>('.tl-item-body[tabindex="0"]') ?? root;
  if (target === active) return;
  if (body) {
    for (const other of root.querySelectorAll<HTMLElement>('.tl-item-body[tabindex="0"]')) other.tabIndex = -1;
    body.tabIndex = 0;
    scrollRowIntoView(timeline, root, body, firstItemOf);
  }
  target.focus({ preventScroll: true });
}

/** vis scrolls rows itself (a transform, not a scroll box): focus() on the item moves them, then the window is put back. */
function scrollRowIntoView(timeline: Timeline, root: HTMLElement, body: HTMLElement, firstItemOf: (eventId: string) => string | undefined) {
  const panel = root.querySelector(".vis-panel.vis-center")?.getBoundingClientRect();
  const box = body.getBoundingClientRect();
  if (!panel || (box.top >= panel.top && box.bottom <= panel.bottom)) return;
  const itemId = body.closest(".vis-item") ? firstItemOf(body.dataset.eventId ?? "") : undefined;
  if (!itemId) return;
  const { start, end } = timeline.getWindow();
  timeline.focus(itemId, { zoom: false, animation: false });
  timeline.setWindow(start, end, { animation: false });
}
