import { DataSet } from "vis-data/esnext";
import { Timeline, type DataGroupCollectionType, type DataItemCollectionType } from "vis-timeline/esnext";
import { stepInDateOrder, type Step } from "@/lib/core/date-order";
import type { EventRow } from "@/lib/view/rows";
import type { BucketItem } from "@/lib/timeline/timeline-density";
import type { TimeWindow } from "@/lib/core/time-window";
import type { TimelineGroup, TimelineItem, TimelineLimits, TimelineText } from "@/lib/timeline/timeline-items";
import { applyDiff, diffRows } from "../../lib/timeline/sync-dataset";
import { gestureStep, initialGesture, type GestureEvent, type GestureState } from "./timeline-gesture";
import { focusItem, wireUserInput, type InputHandlers } from "./timeline-input";
import { limitOptions, modeOptions, timelineOptions, type DrawMode } from "./timeline-options";
import { tidyAfterRedraw } from "./timeline-tidy";
import { resolveWindow, revealSelection, visWindow, withoutLayout } from "./timeline-view-helpers";
import type { VisItem } from "./vis-content";
import { takeEarlyDrag } from "./early-drag";

export interface TimelineHandlers extends InputHandlers {
  /** A live window while the hand is on the timeline, and the window the gesture started from. */
  onScrub: (w: TimeWindow, before: TimeWindow) => void;
  /** Once the first items are drawn, or there is nothing to draw. */
  onDrawn: () => void;
}

/** An item as shaped from the server's model, before the selection marks it. */
export type ShapedItem = TimelineItem | (BucketItem & { start: Date; end: Date });

/** What to draw: the server's rows and items, the URL's selection and the event the arrow keys reached. */
export interface TimelineContent {
  rows: TimelineGroup[];
  items: ShapedItem[];
  grouped: boolean;
  mode: DrawMode;
  events: readonly EventRow[];
  selectedId: string | null;
  stepped: string | null;
  /** The events the open tour step is about: ringed, keeping their own (uncertain, inferred) look. */
  highlighted?: ReadonlySet<string>;
}

export interface TimelineSetup {
  limits: TimelineLimits;
  text: TimelineText;
  window: TimeWindow | null;
  extent: TimeWindow | null;
  /** Nothing to draw: the first redraw already counts as drawn (the empty view says so). */
  empty: boolean;
}

// Bulk changes are cheaper with the panel detached.
const BULK_CHANGE = 200;

const asItems = (data: DataSet<VisItem, "id">) => data as unknown as DataItemCollectionType;
const asGroups = (data: DataSet<TimelineGroup, "id">) => data as unknown as DataGroupCollectionType;
const itemSignature = (i: VisItem) =>
  `${+i.start}|${i.end ? +i.end : ""}|${i.group ?? ""}|${i.className}|${i.type}|${i.label}|${i.content}|${i.title}`;
const groupSignature = (g: TimelineGroup) => `${g.content}|${g.title}|${g.order}|${g.className}`;

/**
 * The one owner of the vis-timeline instance: its DataSets, the selection, the keyboard's current
 * event and the reader's gesture (timeline-gesture.ts). TimelineView tells it what to show through
 * methods; it tells the view what the reader did through the handlers.
 */
export class TimelineController {
  private readonly timeline: Timeline;
  private items = new DataSet<VisItem, "id">();
  private groups = new DataSet<TimelineGroup, "id">();
  private readonly itemKeys = new Map<string, string>();
  private readonly groupKeys = new Map<string, string>();
  private itemsOfEvent = new Map<string, string[]>();
  private grouped = false;
  private mode: DrawMode = "events";
  private events: readonly EventRow[] = [];
  private selectedId: string | null = null;
  private gesture: GestureState;
  private fitKey: string | null = null; // so the first showWindow fits the events once they are in the DataSet
  private urlWindow: TimeWindow | null;
  private extent: TimeWindow | null;
  private hadWindow: boolean;
  /** The event whose item holds the timeline's one tab stop (moved by the arrow keys). */
  private current: string | null = null;
  /** Keyboard focus is in the timeline: a redraw that replaces the focused item gives it back. */
  private focusInside = false;
  private readonly teardown: (() => void)[] = [];
  private destroyed = false;

  constructor(
    private readonly root: HTMLElement,
    setup: TimelineSetup,
    private readonly on: TimelineHandlers,
  ) {
    const initial = resolveWindow(setup.window, setup.extent);
    this.urlWindow = setup.window;
    this.extent = setup.extent;
    this.hadWindow = setup.window !== null;
    this.gesture = initialGesture(initial);
    root.dataset.gesture = "idle";
    this.timeline = new Timeline(root, asItems(this.items), timelineOptions(setup.limits, initial, setup.text));
    this.wireGesture();
    this.wireRedraw(setup.empty);
    this.teardown.push(wireUserInput(this.timeline, root, this, on));
    this.takeOverEarlyDrag(visWindow(this.timeline.getWindow()));
  }

  /**
   * A drag begun on the still preview before this timeline existed (first-gesture.ts): carried on
   * from where the hand is now, as if vis had seen it from the start, and ended like any drag. The
   * preview spans the same window as this timeline, so pixels convert to time at the same rate.
   */
  private takeOverEarlyDrag(before: TimeWindow): void {
    const drag = takeEarlyDrag();
    if (!drag || drag.width <= 0) return;
    const msPerPx = (before.endMs - before.startMs) / drag.width;
    const windowAt = (x: number): TimeWindow => {
      const shift = -(x - drag.x0) * msPerPx;
      return { startMs: before.startMs + shift, endMs: before.endMs + shift };
    };
    // vis keeps the window within its limits: what it shows is what the page hears.
    const move = (x: number): TimeWindow => {
      const w = windowAt(x);
      this.timeline.setWindow(w.startMs, w.endMs, { animation: false });
      const shown = visWindow(this.timeline.getWindow());
      this.on.onScrub(shown, before);
      return shown;
    };
    const finish = (x: number, y: number) => {
      const w = move(x);
      this.gesture = initialGesture(w);
      this.root.dataset.gesture = "idle";
      // A tap, or a vertical swipe (the page scrolled), moved nothing: nothing to filter.
      if (Math.abs(x - drag.x0) < 4 || Math.abs(y - drag.y0) > Math.abs(x - drag.x0)) return;
      this.on.onScrubEnd(w, before);
    };
    // As a drag, whose hand the URL's window must not fight; vis's own range events are not the hand's.
    this.gesture = { ...this.gesture, phase: "dragging", held: true };
    this.root.dataset.gesture = "dragging";
    if (drag.done) return finish(drag.x, drag.y);
    // The hand is still down: follow it until it lifts.
    move(drag.x);
    let last = { x: drag.x, y: drag.y };
    const onMove = (e: PointerEvent) => {
      if (e.pointerId !== drag.pointerId) return;
      last = { x: e.clientX, y: e.clientY };
      move(e.clientX);
    };
    const onUp = (e: PointerEvent) => {
      if (e.pointerId !== drag.pointerId) return;
      stop();
      finish(last.x, last.y);
    };
    const stop = () => {
      document.removeEventListener("pointermove", onMove, true);
      document.removeEventListener("pointerup", onUp, true);
      document.removeEventListener("pointercancel", onUp, true);
    };
    document.addEventListener("pointermove", onMove, true);
    document.addEventListener("pointerup", onUp, true);
    document.addEventListener("pointercancel", onUp, true);
    this.teardown.push(stop);
  }

  destroy(): void {
    this.destroyed = true;
    for (const undo of this.teardown) undo();
    this.timeline.destroy();
  }

  private dispatch(event: GestureEvent): void {
    const { state, effect } = gestureStep(this.gesture, event);
    this.gesture = state;
    // On the page for styling and for tests, which wait for the gesture's end rather than a clock;
    // a drag's result has reached the URL queue by the time this reads "idle".
    this.root.dataset.gesture = state.phase;
    if (effect?.kind === "scrub") this.on.onScrub(effect.window, effect.before);
    else if (effect?.kind === "scrubEnd") this.on.onScrubEnd(effect.window, effect.before);
  }

  // Each step of a drag reaches the parent at once (the parent renders it synchronously): a frame
  // later would be a frame late, and the browser already delivers pointer moves once per frame.
  private wireGesture(): void {
    type Range = { start: Date; end: Date; byUser: boolean };
    this.timeline.on("rangechange", (p: Range) => this.dispatch({ type: "rangechange", byUser: p.byUser, window: visWindow(p) }));
    this.timeline.on("rangechanged", (p: Range) => this.dispatch({ type: "rangechanged", byUser: p.byUser, window: visWindow(p) }));
    // Pointers cover mouse, pen and fingers; a pinch is held until its last finger lifts. Capture
    // on the document: the release is heard before vis ends its drag on the same pointerup.
    const down = new Set<number>();
    const onDown = (e: PointerEvent) => {
      down.add(e.pointerId);
      this.dispatch({ type: "press" });
    };
    const onUp = (e: PointerEvent) => {
      if (!down.delete(e.pointerId) || down.size > 0) return;
      this.dispatch({ type: "release" });
    };
    this.root.addEventListener("pointerdown", onDown, true);
    document.addEventListener("pointerup", onUp, true);
    document.addEventListener("pointercancel", onUp, true);
    this.teardown.push(() => {
      this.root.removeEventListener("pointerdown", onDown, true);
      document.removeEventListener("pointerup", onUp, true);
      document.removeEventListener("pointercancel", onUp, true);
    });
  }

  // After every redraw: labels fitted to their room, the one tab stop, focus given back if a redraw took it.
  private wireRedraw(empty: boolean): void {
    const tidy = () => {
      tidyAfterRedraw(this.root, this.current ?? this.selectedId);
      if (this.focusInside) this.focusCurrent();
    };
    // During a gesture the pass waits for the frame's end (once per frame), so that its measuring
    // does not delay the map and list answering the hand's step.
    let tidyQueued = false;
    let drawn = false;
    this.timeline.on("changed", () => {
      // Drawn once an item is on screen, or when none falls in the window (a window after the data):
      // the still preview must not stay over the live timeline for good.
      const drawnNow = empty || this.root.querySelector(".vis-item") !== null || this.timeline.getVisibleItems().length === 0;
      if (!drawn && drawnNow) {
        drawn = true;
        requestAnimationFrame(() => this.on.onDrawn());
      }
      if (this.gesture.phase === "idle") return tidy();
      if (tidyQueued) return;
      tidyQueued = true;
      requestAnimationFrame(() => {
        tidyQueued = false;
        if (!this.destroyed) tidy();
      });
    });
  }

  setLimits(limits: TimelineLimits): void {
    this.timeline.setOptions(limitOptions(limits, this.mode));
  }

  /** Rows, items and the selection, diffed into the DataSets. */
  show(content: TimelineContent): void {
    const { rows, grouped, mode, selectedId, stepped, highlighted } = content;
    const itemsOfEvent = new Map<string, string[]>();
    const next: VisItem[] = content.items.map((item) => {
      if (item.kind === "bucket") return { ...item, selected: false, selectable: false };
      const ids = itemsOfEvent.get(item.eventId);
      if (ids) ids.push(item.id);
      else itemsOfEvent.set(item.eventId, [item.id]);
      const selected = item.eventId === selectedId;
      const isStepped = item.eventId === stepped;
      const inTour = highlighted?.has(item.eventId) ?? false;
      const className = `${item.className}${selected ? " tl-selected" : ""}${isStepped ? " tl-stepped" : ""}${inTour ? " tl-in-tour" : ""}`;
      return { ...item, className, selected, stepped: isStepped };
    });
    this.itemsOfEvent = itemsOfEvent;
    this.events = content.events;
    const modeChange = mode !== this.mode;
    this.mode = mode;
    const groupDiff = diffRows(this.groupKeys, rows, groupSignature);
    const itemDiff = diffRows(this.itemKeys, next, itemSignature);
    const { timeline } = this;
    if (itemDiff.changed.length + itemDiff.removed.length <= BULK_CHANGE && !modeChange) {
      applyDiff(this.groups, groupDiff);
      if (grouped !== this.grouped) timeline.setGroups(grouped ? asGroups(this.groups) : undefined);
      applyDiff(this.items, itemDiff);
    } else {
      // A big change swaps in fresh DataSets: vis re-clusters after every DataSet event, matching new
      // clusters against all old ones, so one swap beats a remove plus an update.
      withoutLayout(timeline, this.root, () => {
        timeline.setItems(asItems(new DataSet<VisItem, "id">()));
        // Clustering goes off before the buckets arrive and on once the events are in: never over 10⁵ items.
        if (mode === "density") timeline.setOptions(modeOptions(mode));
        this.groups = new DataSet<TimelineGroup, "id">(rows);
        timeline.setGroups(grouped ? asGroups(this.groups) : undefined);
        this.items = new DataSet<VisItem, "id">(next);
        timeline.setItems(asItems(this.items));
        if (modeChange && mode === "events") timeline.setOptions(modeOptions(mode));
      });
    }
    this.grouped = grouped;

    const selectedItems = selectedId ? (itemsOfEvent.get(selectedId) ?? []) : [];
    timeline.setSelection(selectedItems);
    const newlySelected = selectedId !== this.selectedId;
    this.selectedId = selectedId;
    if (newlySelected && selectedId && selectedItems.length > 0) {
      // After vis has drawn the change: scroll a selected event that sits off-screen into view.
      requestAnimationFrame(() => {
        if (this.destroyed || this.selectedId !== selectedId) return;
        const row = this.events.find((e) => e.id === selectedId);
        const group = this.items.get(selectedItems[0])?.group as string | undefined;
        revealSelection(timeline, this.root, selectedItems[0], row, this.urlWindow, group);
      });
    }
  }

  /** The URL's window, or a fit when there is none (on first show, when the window is cleared, or on a new fitKey). */
  showWindow(window: TimeWindow | null, fitKey: string, extent: TimeWindow | null): void {
    this.urlWindow = window;
    this.extent = extent;
    // Never fight the reader's hand: the window it is on reaches the URL when the gesture settles.
    if (this.gesture.phase !== "idle") return;
    const hadWindow = this.hadWindow;
    this.hadWindow = window !== null;
    if (!window && this.fitKey === fitKey && !hadWindow) return;
    this.fitKey = fitKey;
    const target = resolveWindow(window, extent);
    if (!window) {
      // The events' span with room on the right for the newest ones' labels (fitWindow). Not vis's
      // own fit(): it hugs the items, and the newest labels would be shortened to a few letters.
      this.timeline.setWindow(target.startMs, target.endMs, { animation: false });
      return;
    }
    const visible = visWindow(this.timeline.getWindow());
    const tolerance = Math.max(3 * 3_600_000, (visible.endMs - visible.startMs) * 0.002);
    if (Math.abs(target.startMs - visible.startMs) > tolerance || Math.abs(target.endMs - visible.endMs) > tolerance) {
      this.timeline.setWindow(target.startMs, target.endMs, { animation: false });
    }
  }

  /**
   * Back to the window that filters, after a gesture that changed nothing (less than half a period,
   * or still every event): the timeline never rests on a window other than the one the page counts.
   */
  returnToUrlWindow(): void {
    const target = resolveWindow(this.urlWindow, this.extent);
    this.timeline.setWindow(target.startMs, target.endMs, { animation: { duration: 200, easingFunction: "easeOutQuad" } });
  }

  // What the input wiring (timeline-input.ts) asks of the state this controller owns.

  itemOf(id: string | number | null | undefined): VisItem | null {
    return id == null ? null : this.items.get(String(id));
  }

  /** Highlight every row's copy of an event at once; with none given, the URL's selection again. */
  showSelection(eventId: string | null = this.selectedId): void {
    this.timeline.setSelection(eventId ? (this.itemsOfEvent.get(eventId) ?? []) : []);
  }

  /** The event a key moves to, in date order among those on screen; null when there is nowhere to go. */
  stepTarget(step: Step): string | null {
    return stepInDateOrder(this.events, this.current, step, visWindow(this.timeline.getWindow()));
  }

  setCurrent(eventId: string): void {
    this.current = eventId;
  }

  setFocusInside(inside: boolean): void {
    this.focusInside = inside;
  }

  focusCurrent(): void {
    focusItem(this.timeline, this.root, this.current, (eventId) => this.itemsOfEvent.get(eventId)?.[0]);
  }
}
