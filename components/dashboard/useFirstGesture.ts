"use client";
import { useSyncExternalStore } from "react";
import { WOKEN_ATTRIBUTE } from "./first-gesture";

/**
 * Whether the reader has made their first gesture. Leaflet and vis-timeline cost most of the page's
 * start-up work (on a mid-range phone about a second of blocked main thread): the page opens on
 * still previews of both, drawn from the same view (MapPreview, TimelinePreview), and loads them on
 * the first sign of a person — a mouse moving, a touch, a key — so that what the reader first does
 * on the page is never queued behind them. The previews answer clicks meanwhile.
 *
 * The gesture itself is caught by the document's inline script (first-gesture.ts), which marks
 * `<html>` from the first moment, so a gesture made while the page hydrates is not lost; this hook
 * reads that mark. Once woken, the page stays awake for the rest of the visit (client navigations
 * keep the same `<html>`).
 */
export function useFirstGesture(): boolean {
  return useSyncExternalStore(subscribe, isWoken, asleepOnServer);
}

function subscribe(onChange: () => void) {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: [WOKEN_ATTRIBUTE] });
  return () => observer.disconnect();
}

const isWoken = () => document.documentElement.hasAttribute(WOKEN_ATTRIBUTE);
const asleepOnServer = () => false;
