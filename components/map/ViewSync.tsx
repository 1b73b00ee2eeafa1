"use client";
import { useCallback, useEffect, useEffectEvent, useRef, useState } from "react";
import { useMap } from "react-leaflet";
import { DomEvent, type Map as LeafletMap } from "leaflet";
import { clearOfControls, fitBoundsFor, fitKeyOf, fitOptionsFor, fitTarget, withNewPlaces } from "@/lib/map/map-fit";
import { pointsBounds, type MapPoint } from "@/lib/map/map-points";
import { eventsOutside, type ViewBounds } from "@/lib/map/map-offscreen";
import { MAP_ZOOM_TOLERANCE, toMapView, type MapView } from "@/lib/query/query";
import { MapControls } from "./MapControls";
import { reducedMotion } from "../dashboard/reduced-motion";

const sameView = (a: MapView | null, b: MapView) => a !== null && a.lat === b.lat && a.lon === b.lon && a.zoom === b.zoom;

/** The map's viewport in the URL's terms (longitude wrapped into ±180, as the URL parser requires). */
function viewOf(map: LeafletMap): MapView {
  const center = map.getCenter().wrap();
  return toMapView(center.lat, center.lng, map.getZoom());
}

/** Whether the map already shows `view`, within the URL's rounding. */
function shows(map: LeafletMap, view: MapView): boolean {
  if (Math.abs(map.getZoom() - view.zoom) > MAP_ZOOM_TOLERANCE) return false;
  return map.latLngToContainerPoint([view.lat, view.lon]).distanceTo(map.getSize().divideBy(2)) < 2;
}

/** What the map shows (Leaflet's west and east run past ±180 on a repeated world: map-offscreen.ts reads them so). */
function boundsOf(map: LeafletMap): ViewBounds {
  const b = map.getBounds();
  return { south: b.getSouth(), west: b.getWest(), north: b.getNorth(), east: b.getEast() };
}

function inSafeArea(map: LeafletMap, lat: number, lon: number): boolean {
  const size = map.getSize();
  return clearOfControls(map.latLngToContainerPoint([lat, lon]), { width: size.x, height: size.y });
}

interface ViewSyncProps {
  points: MapPoint[];
  /** Playback is running: the camera fits every place seen since it started, and only widens. */
  playing: boolean;
  /** The unfiltered view, which opens China first. */
  home: boolean;
  view: MapView | null;
  /** Where the selected event happened, if it is on the map. */
  selected: { placeId: string; lat: number; lon: number } | null;
  onViewChange: (view: MapView) => void;
  /** Drops `map=` from the URL, so the map fits the view again. */
  onClearView: () => void;
}

/**
 * Drives the viewport from the URL alone — its `map=`, or else a fit to the matching places, then
 * the selected event's place brought into view — so a link opens the same map for anyone at the
 * same window size. Reports the user's own pans and zooms, which put `map=` in the URL.
 *
 * Refitting follows the *set* of matching places (`fitKeyOf`), not every change of the view: while
 * the timeline is dragged the pins' counts change every frame but the map moves only when a place
 * appears or disappears, a handful of times per gesture. Those fits jump without animation: an
 * animation would trail behind a drag that is still going, and each new fit would restart it.
 * While playback runs, places come and go on nearly every frame: the fit is then to every place seen
 * since it started, so the camera only widens, and the paused frame is fitted again.
 *
 * Programmatic moves run unanimated, so their `moveend` fires synchronously while `moving` is set
 * and is never mistaken for a gesture; the one animated move (flying to a selection) is marked by
 * `flying` until its `moveend`.
 */
export function ViewSync({ points, playing, home, view, selected, onViewChange, onClearView }: ViewSyncProps) {
  const map = useMap();
  // Places seen since playback started (withNewPlaces); null when it is not playing.
  const [seen, setSeen] = useState<readonly MapPoint[] | null>(null);
  const grown = playing ? withNewPlaces(seen ?? [], points) : null;
  if (grown !== seen) setSeen(grown);
  const fitPoints = grown ?? points;
  // Refs, not state: Leaflet's listeners read and write them between renders, and none is drawn.
  const moving = useRef(false);
  const flying = useRef(false);
  const reported = useRef<MapView | null>(null);
  const fitted = useRef(false); // showing a fit to the points that the user has not moved away from
  const controls = useRef<HTMLDivElement>(null);
  // Read after every move, ours or the reader's (a resize's too): the events out of sight are counted from it.
  const [shown, setShown] = useState(() => boundsOf(map));
  // The buttons sit inside Leaflet's container: a click or double-click on them must not also pan or zoom the map.
  useEffect(() => {
    if (!controls.current) return;
    DomEvent.disableClickPropagation(controls.current);
    DomEvent.disableScrollPropagation(controls.current);
  }, []);

  const programmatic = useCallback((move: () => void) => {
    moving.current = true;
    reported.current = null; // the map no longer shows what we last reported
    try {
      move();
    } finally {
      moving.current = false;
    }
  }, []);

  // Plain functions of this render's props: click handlers call them directly, and the Effect Events
  // below (run from effects and Leaflet's listeners) call the newest render's copies.
  const report = () => {
    reported.current = viewOf(map);
    onViewChange(reported.current);
  };

  /** Centres the selected place, keeping the zoom, when it is off screen or under the controls. */
  const showSelected = (animate: boolean) => {
    if (!selected || inSafeArea(map, selected.lat, selected.lon)) return;
    if (animate && !reducedMotion()) {
      flying.current = true;
      reported.current = null;
      map.flyTo([selected.lat, selected.lon], map.getZoom(), { duration: 0.6 });
      return; // reported at its moveend
    }
    programmatic(() => map.setView([selected.lat, selected.lon], map.getZoom(), { animate: false }));
    // A URL viewport must keep describing the map: a link copied now opens on the selection too.
    if (view) report();
  };

  const fit = () => {
    const bounds = fitBoundsFor(fitPoints, home);
    programmatic(() => map.fitBounds(bounds, { ...fitOptionsFor(bounds), animate: false }));
    fitted.current = true;
    showSelected(false);
  };

  /** Runs when the set of places, the URL's viewport or the map's size changes (the effects below). */
  const apply = useEffectEvent(() => {
    if (!view) return fit();
    if (sameView(reported.current, view) || shows(map, view)) return; // our own report coming back
    programmatic(() => map.setView([view.lat, view.lon], view.zoom, { animate: false }));
    fitted.current = false;
    showSelected(false);
  });

  const onMoveEnd = useEffectEvent(() => {
    if (moving.current) return;
    if (flying.current) {
      flying.current = false;
      if (view) report();
      return;
    }
    fitted.current = false;
    report();
  });
  const onSelect = useEffectEvent(() => showSelected(true));

  useEffect(() => {
    const moveEnd = () => {
      onMoveEnd();
      setShown(boundsOf(map));
    };
    map.on("moveend", moveEnd);

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
      map.off("moveend", moveEnd);
      resize.disconnect();
    };
  }, [map, programmatic]);

  const fitKey = fitKeyOf(fitPoints, home);
  useEffect(() => apply(), [fitKey, view?.lat, view?.lon, view?.zoom]);
  useEffect(() => onSelect(), [selected?.placeId]);

  const { outside } = fitTarget(points, home);
  const offscreen = eventsOutside(points, shown);
  const showWorld = () => {
    const all = pointsBounds(points);
    if (!all) return;
    programmatic(() => map.fitBounds(all, { ...fitOptionsFor(all), animate: false }));
    fitted.current = false;
    report(); // the user chose this extent: it goes to the URL like a pan
  };
  const fitToResults = () => (view ? onClearView() : fit());

  return <MapControls ref={controls} outside={outside} offscreen={offscreen} onFit={fitToResults} onWorld={showWorld} />;
}
