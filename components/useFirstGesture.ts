"use client";
import { useEffect, useState } from "react";

/**
 * Signs that a person is at the page: any of these, anywhere, wakes the map and timeline (a click
 * without a pointer event is how assistive technologies press things).
 */
const GESTURES = ["pointerdown", "pointermove", "keydown", "touchstart", "wheel", "focusin", "click"] as const;

// Once woken, the page stays awake for the rest of the visit (client navigations included).
let woken = false;

/**
 * Whether the reader has made their first gesture. Leaflet and vis-timeline cost most of the page's
 * start-up work (on a mid-range phone about a second of blocked main thread): the page opens on
 * still previews of both, drawn from the same view (MapPreview, TimelinePreview), and loads them on
 * the first sign of a person — a mouse moving, a touch, a key — so that what the reader first does
 * on the page is never queued behind them. The previews answer clicks meanwhile.
 */
export function useFirstGesture(): boolean {
  const [awake, setAwake] = useState(woken);
  useEffect(() => {
    if (awake) return;
    const wake = () => {
      woken = true;
      setAwake(true);
    };
    const options = { capture: true, passive: true };
    for (const type of GESTURES) window.addEventListener(type, wake, options);
    return () => {
      for (const type of GESTURES) window.removeEventListener(type, wake, options);
    };
  }, [awake]);
  return awake;
}
