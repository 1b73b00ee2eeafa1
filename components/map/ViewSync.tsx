"use client";
import { useCallback, useEffect, useEffectEvent, useRef } from "react";
import { useMap } from "react-leaflet";
import type { LatLngBoundsExpression, Map as LeafletMap } from "leaflet";
import { pointsBounds, type MapPoint } from "@/lib/map-points";
import type { MapView } from "@/lib/query";

/** Shown when there is nothing to fit: most of the dataset's places are here. */
export const EAST_ASIA: LatLngBoundsExpression = [[18, 95], [46, 135]];
// More room at the bottom, where the legend sits over the map.
export const FIT_OPTIONS = {
  paddingTopLeft: [36, 36] as [number, number],
  paddingBottomRight: [36, 84] as [number, number],
  maxZoom: 6,
};

export function fitBoundsFor(points: readonly MapPoint[]): LatLngBoundsExpression {
  return pointsBounds(points) ?? EAST_ASIA;
}

const round = (n: number, digits: number) => Number(n.toFixed(digits));
const sameView = (a: MapView | null, b: MapView) => a !== null && a.lat === b.lat && a.lon === b.lon && a.zoom === b.zoom;

/** The map's viewport in the URL's terms (longitude wrapped into ±180, as the URL parser requires). */
function viewOf(map: LeafletMap): MapView {
  const center = map.getCenter().wrap();
  return { lat: round(center.lat, 4), lon: round(center.lng, 4), zoom: round(map.getZoom(), 1) };
}

/** Whether the map already shows `view`, within the URL's rounding. */
function shows(map: LeafletMap, view: MapView): boolean {
  if (Math.abs(map.getZoom() - view.zoom) > 0.05) return false;
  return map.latLngToContainerPoint([view.lat, view.lon]).distanceTo(map.getSize().divideBy(2)) < 2;
}

interface ViewSyncProps {
  points: MapPoint[];
  view: MapView | null;
  fitKey: string;
  onViewChange: (view: MapView) => void;
}

/**
 * Drives the viewport from props (the URL's `map`, or a fit to the points when it is absent) and
 * reports the user's own pans and zooms. Programmatic moves run unanimated, so their `moveend`
 * fires synchronously while `moving` is set and is never mistaken for a gesture.
 */
export function ViewSync({ points, view, fitKey, onViewChange }: ViewSyncProps) {
  const map = useMap();
  // Refs, not state: Leaflet's listeners read and write them between renders, and none is drawn.
  const moving = useRef(false);
  const reported = useRef<MapView | null>(null);
  const fitted = useRef(false); // showing a fit to the points that the user has not moved away from

  const programmatic = useCallback((move: () => void) => {
    moving.current = true;
    reported.current = null; // the map no longer shows what we last reported
    try {
      move();
    } finally {
      moving.current = false;
    }
  }, []);

  // An Effect Event: it reads the newest points, but a new filter alone must not move the map,
  // only a new fitKey or view (the effect below) or a resize.
  const apply = useEffectEvent(() => {
    if (view && (sameView(reported.current, view) || shows(map, view))) return; // our own report coming back
    programmatic(() => {
      if (view) map.setView([view.lat, view.lon], view.zoom, { animate: false });
      else map.fitBounds(fitBoundsFor(points), { ...FIT_OPTIONS, animate: false });
    });
    fitted.current = !view;
  });
  const reportView = useEffectEvent((reported: MapView) => onViewChange(reported));

  useEffect(() => {
    const onMoveEnd = () => {
      if (moving.current) return;
      fitted.current = false;
      reported.current = viewOf(map);
      reportView(reported.current);
    };
    map.on("moveend", onMoveEnd);

    // The parent may resize the map (window or layout change, a hidden tab becoming visible).
    const isEmpty = () => map.getSize().x === 0 || map.getSize().y === 0;
    let wasEmpty = isEmpty();
    const resize = new ResizeObserver(() => {
      programmatic(() => map.invalidateSize({ animate: false }));
      // Keep a fit fitting (e.g. a phone turned sideways); a view set while the map had no size was meaningless.
      if (!isEmpty() && (fitted.current || wasEmpty)) apply();
      wasEmpty = isEmpty();
    });
    resize.observe(map.getContainer());
    return () => {
      map.off("moveend", onMoveEnd);
      resize.disconnect();
    };
  }, [map, programmatic]);

  useEffect(() => apply(), [fitKey, view?.lat, view?.lon, view?.zoom]);

  return null;
}
