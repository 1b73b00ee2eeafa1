"use client";

import "vis-timeline/styles/vis-timeline-graph2d.min.css";
import { useEffect, useEffectEvent, useMemo, useRef, useState } from "react";
import { scrubOutcome, type Range, type ScrubOutcome } from "@/lib/timeline/scrub-outcome";
import type { TimeWindow } from "@/lib/core/time-window";
import { timelineItems, type TimelineGrouping } from "@/lib/timeline/timeline-items";
import type { TimelineModel } from "@/lib/view/timeline-model";
import { bucketItems, type BucketItem } from "@/lib/timeline/timeline-density";
import { TimelineController } from "./timeline-controller";
import { TimelineEmpty } from "./TimelineEmpty";

export interface TimelineViewProps {
  /** What to draw, as the server computed it for the URL's view. */
  model: TimelineModel;
  groupBy: TimelineGrouping;
  selectedId: string | null;
  window: TimeWindow | null;
  /** The URL's window as written: a gesture's outcome is weighed against it. */
  range: Range;
  fitKey: string;
  /**
   * While the hand is on the timeline, the window the view would filter by if it let go now (both
   * ends open: no time filter); null when that is the URL's own, or once the gesture changed nothing.
   */
  onScrub: (range: Range | null) => void;
  /** A finished gesture's window for the URL, in whole periods; both ends null for no time filter. */
  onScrubEnd: (range: Range) => void;
  onSelect: (eventId: string) => void;
  /** Once the first items are drawn: the still preview over them can go. */
  onDrawn?: () => void;
  /** The events the open tour step is about. */
  highlighted?: ReadonlySet<string>;
}

const NO_WINDOW: Range = { from: null, to: null };

// Buckets cross from the server as plain numbers; vis wants dates.
const asBucket = (b: BucketItem) => ({ ...b, start: new Date(b.startMs), end: new Date(b.endMs) });

export function TimelineView(props: TimelineViewProps) {
  const container = useRef<HTMLDivElement>(null);
  // A ref, not state: the controller wraps an imperative instance, created once in an effect.
  const controller = useRef<TimelineController | null>(null);
  const { model, groupBy, selectedId, window, fitKey, highlighted } = props;
  const { limits } = model;

  // Vis calls these long after the render that created the timeline: they see the newest props.
  // Frame by frame and at the end alike, the window is read as the URL will hold it
  // (lib/timeline/scrub-outcome.ts), so what a drag shows is what the page settles on.
  const outcome = (w: TimeWindow, before: TimeWindow): ScrubOutcome => scrubOutcome(before, w, model.extent, props.range);
  const onScrub = useEffectEvent((w: TimeWindow, before: TimeWindow) => {
    const o = outcome(w, before);
    props.onScrub(o.kind === "unchanged" ? null : o.kind === "everything" ? NO_WINDOW : o.range);
  });
  const onScrubEnd = useEffectEvent((w: TimeWindow, before: TimeWindow) => {
    const o = outcome(w, before);
    if (o.kind === "unchanged") {
      props.onScrub(null);
      controller.current?.returnToUrlWindow();
    } else props.onScrubEnd(o.kind === "everything" ? NO_WINDOW : o.range);
  });
  const onSelect = useEffectEvent((eventId: string) => props.onSelect(eventId));
  const onDrawn = useEffectEvent(() => props.onDrawn?.());
  // The event the arrow keys moved to: kept out of clusters (like the selected one) so it can take focus.
  const [stepped, setStepped] = useState<string | null>(null);

  // Create the timeline once; later prop changes reach it through the controller's methods.
  const createTimeline = useEffectEvent(() => {
    const setup = {
      limits: model.limits,
      text: model.text,
      window,
      extent: model.extent,
      empty: model.mode === "events" && model.events.length === 0,
    };
    const ctl = new TimelineController(container.current!, setup, {
      onScrub: (w, before) => onScrub(w, before),
      onScrubEnd: (w, before) => onScrubEnd(w, before),
      onSelect: (eventId) => onSelect(eventId),
      onStep: (eventId) => setStepped(eventId),
      onDrawn: () => onDrawn(),
    });
    controller.current = ctl;
    return () => {
      ctl.destroy();
      controller.current = null;
    };
  });
  useEffect(() => createTimeline(), []);

  useEffect(() => controller.current?.setLimits(limits), [limits]);

  const rows = model.groups;
  // The server decided what to draw (lib/view/timeline-model.ts): events one by one, or density buckets
  // with the selected event over them. Decided again only when the URL changes, never per frame.
  const mode = model.mode;
  const shaped = useMemo(() => {
    const buckets = model.density ? bucketItems(model.density, new Map(model.groups.map((g) => [g.id, g.title])), groupBy, model.text) : [];
    return [...buckets.map(asBucket), ...timelineItems(model.events, groupBy, model.text)];
  }, [model.density, model.groups, model.events, model.text, groupBy]);

  useEffect(() => {
    controller.current?.show({
      rows,
      items: shaped,
      grouped: groupBy !== "none",
      mode,
      events: model.events,
      selectedId,
      stepped,
      highlighted,
    });
  }, [shaped, mode, rows, groupBy, selectedId, stepped, model.events, highlighted]);

  // Reads the model's extent without depending on it: a new filter alone does not move the window.
  const showWindow = useEffectEvent(() => controller.current?.showWindow(window, fitKey, model.extent));
  useEffect(() => showWindow(), [window?.startMs, window?.endMs, fitKey]);

  const empty = model.mode === "events" && model.events.length === 0;
  return (
    <>
      <div ref={container} className="tl-root" role="group" aria-label={props.model.text.aria} style={{ height: "100%", width: "100%" }} />
      {empty ? <TimelineEmpty /> : null}
    </>
  );
}

export default TimelineView;
