"use client";
import { useCallback, useMemo, useState } from "react";
import { flushSync } from "react-dom";
import type { Range } from "@/lib/timeline/scrub-outcome";
import type { BrowserView } from "@/lib/view/view-model";
import { useFirstGesture } from "./useFirstGesture";
import { useScrubIndex } from "./useScrubIndex";

/**
 * The view while the timeline is dragged or playback runs, for the dashboard and the embedded view
 * alike: the browser filters the compact scrub index by the window on every step (count, pins, list);
 * when the drag ends or playback pauses, the window goes to the URL and the server computes the view
 * again. `awake`: the reader has made a first gesture, so the map and timeline load
 * (useFirstGesture), live scrubbing with them. `counted`: the scrub index has arrived.
 */
export function useLiveView(view: BrowserView) {
  // The dragged window belongs to the view it was dragged over: a new view from the server replaces it.
  const [drag, setDrag] = useState<{ over: BrowserView; range: Range } | null>(null);
  // Playback's frame shown ahead of the server (components/playback), likewise belonging to its view.
  const [played, setPlayed] = useState<{ over: BrowserView; range: Range } | null>(null);
  const frame = played?.over === view ? played.range : null;
  const liveRange = drag?.over === view ? drag.range : frame;
  // Synchronous: the map and count answer the same drag step, in the same frame.
  const onScrub = useCallback((range: Range | null) => flushSync(() => setDrag(range ? { over: view, range } : null)), [view]);
  const onFrame = useCallback((range: Range | null) => setPlayed(range ? { over: view, range } : null), [view]);
  const awake = useFirstGesture();
  const scrub = useScrubIndex(view.scrubIndexUrl, awake);
  const live = useMemo(() => (liveRange && scrub ? scrub(liveRange, view) : null), [liveRange, scrub, view]);
  return { awake, live, onScrub, frame, onFrame, counted: scrub !== null };
}
