"use client";
import { useCallback, useMemo, useState } from "react";
import { flushSync } from "react-dom";
import type { Range } from "@/lib/timeline/scrub-outcome";
import type { BrowserView } from "@/lib/view/view-model";
import { useFirstGesture } from "./useFirstGesture";
import { useScrubIndex } from "./useScrubIndex";

/**
 * The view while the timeline is dragged, for the dashboard and the embedded view alike: the browser
 * filters the compact scrub index by the visible window on every frame (count, pins, list); when the
 * drag ends, the window goes to the URL and the server computes the view again. `awake`: the reader
 * has made a first gesture, so the map and timeline load (useFirstGesture), live scrubbing with them.
 */
export function useLiveView(view: BrowserView) {
  // The dragged window belongs to the view it was dragged over: a new view from the server replaces it.
  const [drag, setDrag] = useState<{ over: BrowserView; range: Range } | null>(null);
  const liveRange = drag?.over === view ? drag.range : null;
  // Synchronous: the map and count answer the same drag step, in the same frame.
  const onScrub = useCallback((range: Range | null) => flushSync(() => setDrag(range ? { over: view, range } : null)), [view]);
  const awake = useFirstGesture();
  const scrub = useScrubIndex(view.scrubIndexUrl, awake);
  const live = useMemo(() => (liveRange && scrub ? scrub(liveRange, view) : null), [liveRange, scrub, view]);
  return { awake, live, onScrub };
}
