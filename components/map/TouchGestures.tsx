"use client";
import { useEffect, useState } from "react";
import { useMap } from "react-leaflet";
import { useViewContext } from "../dashboard/ViewContext";

/** How far one finger must move before it counts as a swipe (and not a tap on a pin). */
const SWIPE_PX = 10;
const HINT_MS = 1800;

/**
 * Cooperative gestures on touch screens, as the big map sites do: one finger scrolls the page (the
 * map must not trap a reader swiping down past it), two fingers pan and pinch the map. Leaflet's
 * one-finger drag is kept from starting by stopping single-touch `touchstart`s before they reach
 * it (capture phase); map.css lets the browser pan the page (`touch-action: pan-x pan-y`), and
 * Leaflet's pinch handler, which also pans, still sees two-finger touches. A one-finger swipe shows
 * a short hint. Mouse dragging is untouched.
 */
export function TouchGestures() {
  const map = useMap();
  const { text } = useViewContext();
  const [hint, setHint] = useState(false);

  useEffect(() => {
    const container = map.getContainer();
    let start: { x: number; y: number } | null = null;
    let hideTimer: ReturnType<typeof setTimeout> | undefined;
    const onStart = (e: TouchEvent) => {
      if (e.touches.length !== 1) return void (start = null);
      e.stopPropagation(); // Leaflet's drag listens on the container, below this capture listener
      start = { x: e.touches[0].clientX, y: e.touches[0].clientY };
    };
    const onMove = (e: TouchEvent) => {
      if (!start || e.touches.length !== 1) return;
      const t = e.touches[0];
      if (Math.hypot(t.clientX - start.x, t.clientY - start.y) < SWIPE_PX) return;
      start = null;
      setHint(true);
      clearTimeout(hideTimer);
    };
    // The hint stays while the finger is down, and a moment after: it is read when the swipe ends.
    const onEnd = (e: TouchEvent) => {
      if (e.touches.length > 0) return;
      clearTimeout(hideTimer);
      hideTimer = setTimeout(() => setHint(false), HINT_MS);
    };
    container.addEventListener("touchstart", onStart, { capture: true, passive: true });
    container.addEventListener("touchmove", onMove, { passive: true });
    container.addEventListener("touchend", onEnd, { passive: true });
    container.addEventListener("touchcancel", onEnd, { passive: true });
    container.classList.add("map-cooperative");
    return () => {
      container.removeEventListener("touchstart", onStart, { capture: true });
      container.removeEventListener("touchmove", onMove);
      container.removeEventListener("touchend", onEnd);
      container.removeEventListener("touchcancel", onEnd);
      container.classList.remove("map-cooperative");
      clearTimeout(hideTimer);
    };
  }, [map]);

  return hint ? (
    <div className="map-touch-hint" aria-hidden="true">
      {text.map.twoFingers}
    </div>
  ) : null;
}
