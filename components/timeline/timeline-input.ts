import type { DataSet } from "vis-data/esnext";
import type { Timeline } from "vis-timeline/esnext";
import { stepInDateOrder, type Dated, type Step } from "@/lib/date-order";
import { eventIdOfItem, type TimelineGroup } from "@/lib/timeline-items";
import type { TimeWindow } from "@/lib/time-window";
import { DAY_MS, type DrawMode } from "./timeline-options";
import { visWindow } from "./timeline-view-helpers";
import type { VisItem } from "./vis-content";

export interface Instance {
  timeline: Timeline;
  items: DataSet<VisItem, "id">;
  groups: DataSet<TimelineGroup, "id">;
  itemKeys: Map<string, string>;
  groupKeys: Map<string, string>;
  itemsOfEvent: Map<string, string[]>;
  grouped: boolean;
  mode: DrawMode;
  selectedId: string | null;
  userActiveAt: number; // last user range change of a gesture still in progress, 0 when none
  fitKey: string | null;
  hadWindow: boolean;
  /** The events drawn, for stepping through them in date order. */
  events: readonly Dated[];
  /** The window as it stood when the current gesture began: what "did this change anything" compares with. */
  settled: TimeWindow;
  /** The event whose item holds the timeline's one tab stop (moved by the arrow keys). */
  current: string | null;
  /** Whether keyboard focus is in the timeline: a redraw that replaces the focused item gives it back. */
  focusInside: boolean;
}

/**
 * The user's hand on the timeline: drags and zooms (only `byUser` range changes reach the parent,
 * live on every step, then once at the end, with the window the gesture began from), clicks and
 * taps on items, clusters and density buckets, and the keyboard: Left/Right step through events in
 * date order (Home/End: first/last), Enter/Space select, Shift+Left/Right pan, +/- zoom.
 * Returns the cleanup.
 */
export interface UserInputHandlers {
  onScrub: (w: TimeWindow) => void;
  onScrubEnd: (w: TimeWindow, before: TimeWindow) => void;
  onSelect: (eventId: string) => void;
  /** The arrow keys moved to this event: keep its item out of clusters, so it can take focus. */
  onStep: (eventId: string) => void;
}

const STEPS: Record<string, Step> = { ArrowRight: "next", ArrowLeft: "previous", Home: "first", End: "last" };
const PAN_SHARE = 0.2;
const ZOOM_FACTOR = 0.6;

export function wireUserInput(inst: Instance, root: HTMLElement, on: UserInputHandlers): () => void {
  const { timeline } = inst;
  // Each step of a drag reaches the parent at once (the parent renders it synchronously): a frame
  // later would be a frame late, and the browser already delivers pointer moves once per frame.
  timeline.on("rangechange", (p: { start: Date; end: Date; byUser: boolean }) => {
    if (!p.byUser) return;
    inst.userActiveAt = Date.now();
    on.onScrub(visWindow(p));
  });
  timeline.on("rangechanged", (p: { start: Date; end: Date; byUser: boolean }) => {
    const before = inst.settled;
    inst.settled = visWindow(p);
    if (!p.byUser) return;
    inst.userActiveAt = 0;
    on.onScrubEnd(visWindow(p), before);
  });

  const showSelection = (eventId: string | null) => timeline.setSelection(eventId ? (inst.itemsOfEvent.get(eventId) ?? []) : []);
  const itemOf = (id: string | number | null | undefined) => (id == null ? null : inst.items.get(String(id)));
  timeline.on("select", (p: { items: (string | number)[] }) => {
    const id = p.items[0];
    if (id !== undefined && itemOf(id)?.kind === "event") {
      const eventId = eventIdOfItem(id);
      showSelection(eventId); // every row's copy at once, before the parent answers
      on.onSelect(eventId);
    } else {
      // A click on empty space, a cluster or a bucket does not change which event the URL selects.
      showSelection(inst.selectedId);
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
    if (zoomToBucket(itemOf(p.item)) || !p.isCluster) return;
    const now = visWindow(timeline.getWindow());
    const half = Math.max((now.endMs - now.startMs) / 6, DAY_MS / 2);
    const centre = +p.time;
    timeline.setWindow(centre - half, centre + half, { animation: !reducedMotion() }, () => on.onScrubEnd(visWindow(timeline.getWindow()), now));
  });

  // Keys that move the window change the URL at once, as a finished drag does.
  const moveWindow = (change: (w: TimeWindow) => TimeWindow) => {
    const before = visWindow(timeline.getWindow());
    const next = change(before);
    timeline.setWindow(next.startMs, next.endMs, { animation: false });
    on.onScrubEnd(visWindow(timeline.getWindow()), before);
  };
  const stepTo = (eventId: string) => {
    inst.current = eventId;
    on.onStep(eventId);
    focusCurrent(inst, root);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const step = STEPS[e.key];
    if (step && !e.shiftKey) {
      e.preventDefault();
      const shown = visWindow(timeline.getWindow());
      const next = stepInDateOrder(inst.events, inst.current, step, shown);
      if (next) stepTo(next);
      return;
    }
    if (e.shiftKey && (e.key === "ArrowLeft" || e.key === "ArrowRight")) {
      e.preventDefault();
      const sign = e.key === "ArrowLeft" ? -1 : 1;
      moveWindow((w) => ({ startMs: w.startMs + sign * PAN_SHARE * (w.endMs - w.startMs), endMs: w.endMs + sign * PAN_SHARE * (w.endMs - w.startMs) }));
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
      zoomToBucket(itemOf(bucket.dataset.bucketId));
      return;
    }
    const target = (e.target as HTMLElement).closest<HTMLElement>("[data-event-id]");
    if (!target?.dataset.eventId) return;
    e.preventDefault();
    inst.current = target.dataset.eventId;
    on.onSelect(target.dataset.eventId);
  };
  // Focus that leaves for another control is gone on purpose; focus dropped by a redraw is given back.
  const onFocusIn = (e: FocusEvent) => {
    inst.focusInside = true;
    const id = (e.target as HTMLElement).closest<HTMLElement>("[data-event-id]")?.dataset.eventId;
    if (id) inst.current = id;
  };
  const onFocusOut = (e: FocusEvent) => {
    if (e.relatedTarget && !root.contains(e.relatedTarget as Node)) inst.focusInside = false;
  };
  const onPointerDown = (e: PointerEvent) => {
    if (!root.contains(e.target as Node)) inst.focusInside = false;
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

const reducedMotion = () => window.matchMedia("(prefers-reduced-motion: reduce)").matches;

/**
 * Give keyboard focus to the current event's item, scrolling its row into view; when a redraw has
 * replaced the focused item (or it is folded into a cluster until the next redraw), this is called
 * again after that redraw.
 */
export function focusCurrent(inst: Instance, root: HTMLElement): void {
  const active = document.activeElement;
  if (active && active !== document.body && !root.contains(active)) return;
  const body = inst.current ? root.querySelector<HTMLElement>(`.tl-item-body[data-event-id="${CSS.escape(inst.current)}"]`) : null;
  const target = body ?? root.querySelector<HTMLElement>('.tl-item-body[tabindex="0"]') ?? root;
  if (target === active) return;
  if (body) {
    for (const other of root.querySelectorAll<HTMLElement>('.tl-item-body[tabindex="0"]')) other.tabIndex = -1;
    body.tabIndex = 0;
    scrollRowIntoView(inst, root, body);
  }
  target.focus({ preventScroll: true });
}

/** vis scrolls rows itself (a transform, not a scroll box): focus() on the item moves them, then the window is put back. */
function scrollRowIntoView(inst: Instance, root: HTMLElement, body: HTMLElement) {
  const panel = root.querySelector(".vis-panel.vis-center")?.getBoundingClientRect();
  const box = body.getBoundingClientRect();
  if (!panel || (box.top >= panel.top && box.bottom <= panel.bottom)) return;
  const itemId = body.closest(".vis-item") ? inst.itemsOfEvent.get(body.dataset.eventId ?? "")?.[0] : undefined;
  if (!itemId) return;
  const { start, end } = inst.timeline.getWindow();
  inst.timeline.focus(itemId, { zoom: false, animation: false });
  inst.timeline.setWindow(start, end, { animation: false });
}
