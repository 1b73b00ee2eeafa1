"use client";
import "./map.css";
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { fitCamera, limitZoom, screenOf, type Camera, type Size } from "@/lib/map/map-camera";
import type { Box } from "@/lib/map/map-labels";
import { clearOfControls, fitBoundsFor, fitOptionsFor, fitTarget } from "@/lib/map/map-fit";
import { pointsBounds, type MapPoint } from "@/lib/map/map-points";
import { eventsOutside } from "@/lib/map/map-offscreen";
import { toMapView, type MapView as MapViewport } from "@/lib/query/query";
import { useViewContext } from "../dashboard/ViewContext";
import { MapControls } from "./MapControls";
import { MapEmpty } from "./MapEmpty";
import { MapLegend } from "./MapLegend";
import { UnmappedNote } from "./UnmappedNote";
import { ZOOM_RULES } from "./map-settings";
import { buildIndex, coveredBoxes, featuresIn, isCluster, layoutPins, type PinLayout, type PinViewport } from "./pin-layout";
import { badgeDiameter, pinBody, raiseOffset } from "./pin-look";

export interface MapPreviewProps {
  points: MapPoint[];
  /** The note on events without a place, as the server wrote it. */
  unmappedNote: string | null;
  selectedPlaceId: string | null;
  activeCities: string[];
  view: MapViewport | null;
  /** The unfiltered view, which opens China first. */
  home: boolean;
  onPinClick: (placeId: string) => void;
}

/**
 * Where the live map opens (ViewSync): the URL's viewport or the fit to the places, then the
 * selected place brought into the area clear of the buttons and legend, keeping the zoom.
 */
function cameraFor(
  { points, view, home, selectedPlaceId }: Pick<MapPreviewProps, "points" | "view" | "home" | "selectedPlaceId">,
  size: Size,
): Camera {
  const bounds = fitBoundsFor(points, home);
  const camera = view
    ? { lat: view.lat, lon: view.lon, zoom: limitZoom(view.zoom, ZOOM_RULES) }
    : fitCamera(bounds, size, fitOptionsFor(bounds), ZOOM_RULES);
  const selected = points.find((p) => p.placeId === selectedPlaceId);
  if (!selected) return camera;
  return clearOfControls(screenOf(camera, size).point(selected.lat, selected.lon), size)
    ? camera
    : { lat: selected.lat, lon: selected.lon, zoom: camera.zoom };
}

/** A pin as the live map draws it (pin-look.ts), as a button; its body is rebuilt only when it changes. */
function PreviewPin({ pin, onClick }: { pin: PinLayout; onClick: () => void }) {
  const button = useRef<HTMLButtonElement>(null);
  const size = badgeDiameter(pin.count, pin.cluster);
  const [name, side, dx, dy] = [pin.name?.text, pin.name?.side, pin.leader?.dx, pin.leader?.dy];
  useLayoutEffect(() => {
    const leader = dx !== undefined && dy !== undefined ? { dx, dy } : null;
    button.current?.replaceChildren(pinBody(pin.count, { name: name && side ? { text: name, side } : null, leader }));
  }, [pin.count, name, side, dx, dy]);
  return (
    <button
      ref={button}
      type="button"
      className={`${pin.className} map-preview__pin`}
      aria-label={pin.label}
      style={{
        left: Math.round(pin.x) - size / 2,
        top: Math.round(pin.y) - size / 2,
        width: size,
        height: size,
        zIndex: Math.round(pin.y) + raiseOffset(pin.raise),
      }}
      onClick={onClick}
    />
  );
}

const LAND_URL = "/basemap/countries-110m.svg";

/**
 * The land as a path to draw inline, when the page cannot refer to the basemap's file: in a frame
 * sandboxed without `allow-same-origin` (an embed) the document's origin is opaque, and the browser
 * refuses an SVG `<use>` of another document. Fetched instead (the basemap is served to any origin).
 * `undefined`: not needed, `<use>` works; null until fetched, or if it could not be.
 */
function useInlineLand(): string | null | undefined {
  const opaque = window.origin === "null";
  const [land, setLand] = useState<string | null>(null);
  useEffect(() => {
    if (!opaque) return;
    fetch(LAND_URL)
      .then((r) => r.text())
      .then((svg) => setLand(/\bd="([^"]+)"/.exec(svg)?.[1] ?? null))
      .catch(() => setLand(null)); // the sea alone: the pins still say where
  }, [opaque]);
  return opaque ? land : undefined;
}

/**
 * The map as it opens — basemap, pins, names, buttons and legend — drawn without Leaflet, whose
 * start-up (with vis-timeline's) is most of the page's main-thread work. It uses Leaflet's own
 * arithmetic (lib/map/map-camera.ts) and the live map's pin layout (pin-layout.ts), so every pin lands
 * on the pixel where the live map will put it, and it answers clicks through the URL as the live
 * map does: a pin filters by its place, the buttons zoom and fit. Leaflet replaces it on the
 * reader's first gesture (useFirstGesture), when panning and zooming by hand need it.
 */
export function MapPreview(props: MapPreviewProps) {
  const { points, unmappedNote, selectedPlaceId, activeCities, view, home, onPinClick } = props;
  const { text, setView } = useViewContext();
  const frame = useRef<HTMLDivElement>(null);
  const inlineLand = useInlineLand();
  const [measured, setMeasured] = useState<{ size: Size; covered: Box[] } | null>(null);
  // Measured when the observer reports (after the browser's own layout, so reading boxes forces none),
  // which it does once at the start and after every resize.
  useEffect(() => {
    const el = frame.current!;
    const resize = new ResizeObserver(() =>
      setMeasured({ size: { width: el.clientWidth, height: el.clientHeight }, covered: coveredBoxes(el) }),
    );
    resize.observe(el);
    return () => resize.disconnect();
  }, []);

  const camera = useMemo(
    () => (measured ? cameraFor({ points, view, home, selectedPlaceId }, measured.size) : null),
    [measured, points, view, home, selectedPlaceId],
  );
  const index = useMemo(() => buildIndex(points, ZOOM_RULES.maxZoom - 1), [points]);
  const active = useMemo(() => new Set(activeCities), [activeCities]);
  const screen = useMemo(() => (measured && camera ? screenOf(camera, measured.size) : null), [measured, camera]);
  // The events whose places this view leaves out, counted as the live map counts them from its bounds.
  const offscreen = useMemo(() => {
    if (!measured || !screen) return 0;
    const sw = screen.place(0, measured.size.height);
    const ne = screen.place(measured.size.width, 0);
    return eventsOutside(points, { south: sw.lat, west: sw.lon, north: ne.lat, east: ne.lon });
  }, [measured, screen, points]);
  const pins = useMemo(() => {
    if (!measured || !camera || !screen) return [];
    const { width, height } = measured.size;
    const sw = screen.place(0, height);
    const ne = screen.place(width, 0);
    const padLat = (ne.lat - sw.lat) * 0.25;
    const padLon = (ne.lon - sw.lon) * 0.25;
    const viewport: PinViewport = {
      bbox: [sw.lon - padLon, sw.lat - padLat, ne.lon + padLon, ne.lat + padLat],
      zoom: camera.zoom,
      frame: measured.size,
      covered: measured.covered,
    };
    return layoutPins(index, featuresIn(index, viewport), viewport, screen.point, { selectedPlaceId, activeCities: active }, text);
  }, [measured, camera, screen, index, selectedPlaceId, active, text]);

  // The buttons act through the URL, as the live map's do once it reports a hand-made view.
  const goTo = (c: Camera) => setView({ map: toMapView(c.lat, c.lon, limitZoom(c.zoom, ZOOM_RULES)) }, "pan");
  const zoomBy = (delta: number) => camera && goTo({ ...camera, zoom: camera.zoom + delta });
  const showWorld = () => {
    const all = pointsBounds(points);
    if (all && measured) goTo(fitCamera(all, measured.size, fitOptionsFor(all), ZOOM_RULES));
  };

  return (
    <div className="map-view map-preview" data-testid="map-preview">
      <div ref={frame} className="map-view__map map-preview__frame" role="region" aria-label={text.panels.map}>
        {screen && camera ? (
          // The countries as drawn once at build time in zoom-0 world pixels (scripts/copy-basemap.ts),
          // scaled and moved into place: no decoding or projecting here.
          <svg className="map-preview__land" aria-hidden="true">
            {inlineLand === undefined ? (
              <use href={`${LAND_URL}#land`} transform={`translate(${-screen.origin.x} ${-screen.origin.y}) scale(${2 ** camera.zoom})`} />
            ) : inlineLand ? (
              <path
                d={inlineLand}
                vectorEffect="non-scaling-stroke"
                transform={`translate(${-screen.origin.x} ${-screen.origin.y}) scale(${2 ** camera.zoom})`}
              />
            ) : null}
          </svg>
        ) : null}
        {pins.map((pin) => (
          <PreviewPin
            key={pin.key}
            pin={pin}
            onClick={() => {
              const f = pin.feature;
              if (!isCluster(f)) return onPinClick(f.properties.point.placeId);
              const [lon, lat] = f.geometry.coordinates;
              goTo({ lat, lon, zoom: index.getClusterExpansionZoom(f.properties.cluster_id) });
            }}
          />
        ))}
        <div className="map-preview__zoom">
          <button type="button" aria-label={text.map.zoomIn} title={text.map.zoomIn} onClick={() => zoomBy(1)}>
            +
          </button>
          <button type="button" aria-label={text.map.zoomOut} title={text.map.zoomOut} onClick={() => zoomBy(-1)}>
            −
          </button>
        </div>
        <MapControls
          outside={fitTarget(points, home).outside}
          offscreen={offscreen}
          onFit={() => view && setView({ map: null }, "pan")}
          onWorld={showWorld}
        />
        <p className="map-preview__attribution">
          <a href="https://www.naturalearthdata.com/">Natural Earth</a>
        </p>
      </div>
      {points.length === 0 && !unmappedNote ? <MapEmpty /> : null}
      {unmappedNote ? <UnmappedNote note={unmappedNote} /> : null}
      <MapLegend />
    </div>
  );
}

export default MapPreview;
