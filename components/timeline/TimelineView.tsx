"use client";

import "vis-timeline/styles/vis-timeline-graph2d.min.css";
import { useEffect, useEffectEvent, useMemo, useRef, useState } from "react";
import { DataSet } from "vis-data/esnext";
import { Timeline, type DataGroupCollectionType, type DataItemCollectionType } from "vis-timeline/esnext";
import { scrubOutcome } from "@/lib/scrub-outcome";
import type { TimeWindow } from "@/lib/time-window";
import { timelineItems, type TimelineGroup, type TimelineGrouping } from "@/lib/timeline-items";
import type { TimelineModel } from "@/lib/timeline-model";
import { bucketItems, type BucketItem } from "@/lib/timeline-density";
import { applyDiff, diffRows } from "./sync-dataset";
import { focusCurrent, wireUserInput, type Instance } from "./timeline-input";
import { TimelineEmpty } from "./TimelineEmpty";
import { tidyAfterRedraw } from "./timeline-tidy";
import { limitOptions, modeOptions, timelineOptions } from "./timeline-options";
import { resolveWindow, revealSelection, visWindow, withoutLayout } from "./timeline-view-helpers";
import type { VisItem } from "./vis-content";

export interface TimelineViewProps {
  /** What to draw, as the server computed it for the URL's view. */
  model: TimelineModel;
  groupBy: TimelineGrouping;
  selectedId: string | null;
  window: TimeWindow | null;
  fitKey: string;
  /** A live window while the hand is on the timeline; null when the gesture ended changing nothing. */
  onScrub: (w: TimeWindow | null) => void;
  /** A finished gesture's window for the URL; null when it shows every event (no time filter). */
  onScrubEnd: (w: TimeWindow | null) => void;
  onSelect: (eventId: string) => void;
  /** Once the first items are drawn: the still preview over them can go. */
  onDrawn?: () => void;
}

// Bulk changes are cheaper with the panel detached.
const BULK_CHANGE = 200;

const asItems = (data: DataSet<VisItem, "id">) => data as unknown as DataItemCollectionType;
const asGroups = (data: DataSet<TimelineGroup, "id">) => data as unknown as DataGroupCollectionType;
const itemSignature = (i: VisItem) =>
  `${+i.start}|${i.end ? +i.end : ""}|${i.group ?? ""}|${i.className}|${i.type}|${i.label}|${i.content}|${i.title}`;
const groupSignature = (g: TimelineGroup) => `${g.content}|${g.title}|${g.order}|${g.className}`;
// Buckets cross from the server as plain numbers; vis wants dates.
const asBucket = (b: BucketItem) => ({ ...b, start: new Date(b.startMs), end: new Date(b.endMs) });

export function TimelineView(props: TimelineViewProps) {
  const container = useRef<HTMLDivElement>(null);
  // A ref, not state: the vis instance is imperative, created once in an effect and changed in place.
  const instance = useRef<Instance | null>(null);
  const { model, groupBy, selectedId, window, fitKey } = props;
  const { limits } = model;

  // Vis calls these long after the render that created the timeline: they see the newest props.
  const onScrub = useEffectEvent((w: TimeWindow) => props.onScrub(w));
  // A gesture that changes nothing a person can see adds no filter (lib/scrub-outcome.ts).
  const onScrubEnd = useEffectEvent((w: TimeWindow, before: TimeWindow) => {
    const outcome = scrubOutcome(before, w, model.extent);
    if (outcome.kind === "unchanged") props.onScrub(null);
    else props.onScrubEnd(outcome.kind === "window" ? outcome.window : null);
  });
  const onSelect = useEffectEvent((eventId: string) => props.onSelect(eventId));
  const onDrawn = useEffectEvent(() => props.onDrawn?.());
  // The event the arrow keys moved to: kept out of clusters (like the selected one) so it can take focus.
  const [stepped, setStepped] = useState<string | null>(null);

  // Create the timeline once; later prop changes reach it through its DataSets and methods.
  const createTimeline = useEffectEvent(() => {
    const items = new DataSet<VisItem, "id">();
    const groups = new DataSet<TimelineGroup, "id">();
    const initial = resolveWindow(window, model.extent);
    const options = timelineOptions(model.limits, initial, model.text);
    const timeline = new Timeline(container.current!, asItems(items), options);
    const inst: Instance = {
      timeline,
      items,
      groups,
      itemKeys: new Map(),
      groupKeys: new Map(),
      itemsOfEvent: new Map(),
      grouped: false,
      mode: "events",
      selectedId: null,
      userActiveAt: 0,
      fitKey: null, // so the first render fits the events once they are in the DataSet
      hadWindow: window !== null,
      events: [],
      settled: initial,
      current: null,
      focusInside: false,
    };
    instance.current = inst;
    const unwire = wireUserInput(inst, container.current!, {
      onScrub: (w) => onScrub(w),
      onScrubEnd: (w, before) => onScrubEnd(w, before),
      onSelect: (eventId) => onSelect(eventId),
      onStep: (eventId) => setStepped(eventId),
    });
    // After every redraw: labels fitted to their room, the one tab stop, focus given back if a redraw took it.
    const root = container.current!;
    const tidy = () => {
      tidyAfterRedraw(root, inst.current ?? inst.selectedId);
      if (inst.focusInside) focusCurrent(inst, root);
    };
    // While a hand drags, the pass waits for the frame's end (once per frame), so that its measuring
    // does not delay the map and list answering the drag step.
    let tidyQueued = false;
    // Drawn once items are on screen, or nothing is to be drawn (the empty view says so).
    let drawn = false;
    const isDrawn = () => root.querySelector(".vis-item") !== null || (model.mode === "events" && model.events.length === 0);
    timeline.on("changed", () => {
      if (!drawn && isDrawn()) {
        drawn = true;
        requestAnimationFrame(() => onDrawn());
      }
      if (!inst.userActiveAt) return tidy();
      if (tidyQueued) return;
      tidyQueued = true;
      requestAnimationFrame(() => {
        tidyQueued = false;
        if (instance.current === inst) tidy();
      });
    });

    return () => {
      unwire();
      timeline.destroy();
      instance.current = null;
    };
  });
  useEffect(() => createTimeline(), []);

  useEffect(() => {
    const inst = instance.current;
    inst?.timeline.setOptions(limitOptions(limits, inst.mode));
  }, [limits]);

  const rows = model.groups;
  // The server decided what to draw (lib/timeline-model.ts): events one by one, or density buckets
  // with the selected event over them. Decided again only when the URL changes, never per frame.
  const mode = { kind: model.mode };
  const shaped = useMemo(() => {
    const buckets = model.density ? bucketItems(model.density, new Map(model.groups.map((g) => [g.id, g.title])), groupBy, model.text) : [];
    return [...buckets.map(asBucket), ...timelineItems(model.events, groupBy, model.text)];
  }, [model.density, model.groups, model.events, model.text, groupBy]);

  // Runs a frame after the selection changed: the rows and window may have moved on since.
  const revealSelected = useEffectEvent((inst: Instance, selected: string, itemId: string) => {
    const row = model.events.find((e) => e.id === selected);
    revealSelection(inst.timeline, container.current!, itemId, row, window, inst.items.get(itemId)?.group as string | undefined);
  });

  // Rows, items and the selection, diffed into the DataSets.
  useEffect(() => {
    const inst = instance.current;
    if (!inst) return;
    const grouped = groupBy !== "none";
    const itemsOfEvent = new Map<string, string[]>();
    const next: VisItem[] = shaped.map((item) => {
      if (item.kind === "bucket") return { ...item, selected: false, selectable: false };
      const ids = itemsOfEvent.get(item.eventId);
      if (ids) ids.push(item.id);
      else itemsOfEvent.set(item.eventId, [item.id]);
      const selected = item.eventId === selectedId;
      const isStepped = item.eventId === stepped;
      const className = `${item.className}${selected ? " tl-selected" : ""}${isStepped ? " tl-stepped" : ""}`;
      return { ...item, className, selected, stepped: isStepped };
    });
    inst.itemsOfEvent = itemsOfEvent;
    inst.events = model.events;
    const kind = mode.kind;
    const modeChange = kind !== inst.mode;
    inst.mode = kind;
    const groupDiff = diffRows(inst.groupKeys, rows, groupSignature);
    const itemDiff = diffRows(inst.itemKeys, next, itemSignature);
    const { timeline } = inst;
    if (itemDiff.changed.length + itemDiff.removed.length <= BULK_CHANGE && !modeChange) {
      applyDiff(inst.groups, groupDiff);
      if (grouped !== inst.grouped) timeline.setGroups(grouped ? asGroups(inst.groups) : undefined);
      applyDiff(inst.items, itemDiff);
    } else {
      // A big change swaps in fresh DataSets: vis re-clusters after every DataSet event, matching new
      // clusters against all old ones, so one swap beats a remove plus an update.
      withoutLayout(timeline, container.current!, () => {
        timeline.setItems(asItems(new DataSet<VisItem, "id">()));
        // Clustering goes off before the buckets arrive and on once the events are in: never over 10⁵ items.
        if (kind === "density") timeline.setOptions(modeOptions(kind));
        inst.groups = new DataSet<TimelineGroup, "id">(rows);
        timeline.setGroups(grouped ? asGroups(inst.groups) : undefined);
        inst.items = new DataSet<VisItem, "id">(next);
        timeline.setItems(asItems(inst.items));
        if (modeChange && kind === "events") timeline.setOptions(modeOptions(kind));
      });
    }
    inst.grouped = grouped;

    const selectedItems = selectedId ? (itemsOfEvent.get(selectedId) ?? []) : [];
    inst.timeline.setSelection(selectedItems);
    const newlySelected = selectedId !== inst.selectedId;
    inst.selectedId = selectedId;
    if (newlySelected && selectedId && selectedItems.length > 0) {
      // After vis has drawn the change: scroll a selected event that sits off-screen into view.
      requestAnimationFrame(() => {
        if (instance.current === inst && inst.selectedId === selectedId) revealSelected(inst, selectedId, selectedItems[0]);
      });
    }
  }, [shaped, mode.kind, rows, groupBy, selectedId, stepped, model.events]);

  // The URL's window, or a fit when there is none (on first show, when the window is cleared, or on a new fitKey).
  // Reads the model's extent without depending on it: a new filter alone does not move the window.
  const syncWindow = useEffectEvent(() => {
    const inst = instance.current;
    if (!inst) return;
    // Never fight the user's hand: the window they are dragging reaches the URL when they let go.
    if (inst.userActiveAt && Date.now() - inst.userActiveAt < 1000) return;
    const hadWindow = inst.hadWindow;
    inst.hadWindow = window !== null;
    if (!window && inst.fitKey === fitKey && !hadWindow) return;
    inst.fitKey = fitKey;
    const target = resolveWindow(window, model.extent);
    if (!window) {
      // The events' span with room on the right for the newest ones' labels (fitWindow). Not vis's
      // own fit(): it hugs the items, and the newest labels would be shortened to a few letters.
      inst.timeline.setWindow(target.startMs, target.endMs, { animation: false });
      return;
    }
    const visible = visWindow(inst.timeline.getWindow());
    const tolerance = Math.max(3 * 3_600_000, (visible.endMs - visible.startMs) * 0.002);
    if (Math.abs(target.startMs - visible.startMs) > tolerance || Math.abs(target.endMs - visible.endMs) > tolerance) {
      inst.timeline.setWindow(target.startMs, target.endMs, { animation: false });
    }
  });
  useEffect(() => syncWindow(), [window?.startMs, window?.endMs, fitKey]);

  const empty = model.mode === "events" && model.events.length === 0;
  return (
    <>
      <div
        ref={container}
        className="tl-root"
        role="group"
        aria-label={props.model.text.aria}
        style={{ height: "100%", width: "100%" }}
      />
      {empty ? <TimelineEmpty /> : null}
    </>
  );
}

export default TimelineView;
