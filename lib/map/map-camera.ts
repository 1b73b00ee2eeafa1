/**
 * Leaflet's Web Mercator arithmetic, without Leaflet: where a map of a given size opens (its centre
 * and zoom) and where each place lands on screen. The map's still preview draws with it before
 * Leaflet has loaded, so its pins must land on the same pixels Leaflet will give them — the steps
 * below follow Leaflet 1.9's `fitBounds`, `project` and pixel-origin rounding one for one.
 */

const TILE_PX = 256;
const MAX_LATITUDE = 85.0511287798;

export interface Camera {
  lat: number;
  lon: number;
  zoom: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface ZoomRules {
  minZoom: number;
  maxZoom: number;
  /** Zoom levels are multiples of this (Leaflet's `zoomSnap`). */
  zoomSnap: number;
}

export interface FitOptions {
  paddingTopLeft: [number, number];
  paddingBottomRight: [number, number];
  maxZoom: number;
}

/** [[south, west], [north, east]], as Leaflet takes bounds. */
export type LatLonBounds = [[number, number], [number, number]];

/** World pixel coordinates of a place at a zoom (Leaflet's `map.project`). */
export function project(lat: number, lon: number, zoom: number): { x: number; y: number } {
  const scale = TILE_PX * 2 ** zoom;
  const sin = Math.sin((Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat)) * Math.PI) / 180);
  return { x: scale * (0.5 + lon / 360), y: scale * (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) };
}

/** The place at world pixel coordinates (Leaflet's `map.unproject`). */
export function unproject(x: number, y: number, zoom: number): { lat: number; lon: number } {
  const scale = TILE_PX * 2 ** zoom;
  const lon = (x / scale - 0.5) * 360;
  const lat = (2 * Math.atan(Math.exp((0.5 - y / scale) * 2 * Math.PI)) - Math.PI / 2) * (180 / Math.PI);
  return { lat, lon };
}

/** A zoom snapped and clamped as Leaflet's `_limitZoom` does. */
export function limitZoom(zoom: number, rules: ZoomRules): number {
  const snapped = Math.round(zoom / rules.zoomSnap) * rules.zoomSnap;
  return Math.max(rules.minZoom, Math.min(rules.maxZoom, snapped));
}

/** The camera `map.fitBounds(bounds, options)` gives a map of this size (Leaflet's `_getBoundsCenterZoom`). */
export function fitCamera(bounds: LatLonBounds, size: Size, options: FitOptions, rules: ZoomRules): Camera {
  const [[south, west], [north, east]] = bounds;
  const [padLeft, padTop] = options.paddingTopLeft;
  const [padRight, padBottom] = options.paddingBottomRight;
  // getBoundsZoom, measured at zoom 0 (a new map has none yet)
  const nw = project(north, west, 0);
  const se = project(south, east, 0);
  const scale = Math.min(
    (size.width - padLeft - padRight) / Math.abs(se.x - nw.x),
    (size.height - padTop - padBottom) / Math.abs(se.y - nw.y),
  );
  let zoom = Math.log2(scale);
  if (Number.isNaN(zoom)) zoom = Infinity;
  // Within 1 % of a snap level counts as on it; otherwise round down, so the bounds fit.
  zoom = Math.round(zoom / (rules.zoomSnap / 100)) * (rules.zoomSnap / 100);
  zoom = Math.floor(zoom / rules.zoomSnap) * rules.zoomSnap;
  zoom = Math.min(options.maxZoom, Math.max(rules.minZoom, Math.min(rules.maxZoom, zoom)));
  const sw = project(south, west, zoom);
  const ne = project(north, east, zoom);
  const center = unproject((sw.x + ne.x) / 2 + (padRight - padLeft) / 2, (sw.y + ne.y) / 2 + (padBottom - padTop) / 2, zoom);
  return { ...center, zoom: limitZoom(zoom, rules) };
}

/** Screen positions on a map of `size` showing `camera`, relative to its top left corner. */
export function screenOf(camera: Camera, size: Size) {
  const centre = project(camera.lat, camera.lon, camera.zoom);
  // Leaflet rounds the pixel origin and the world pixels of places: pin layouts built on the same
  // whole pixels come out the same (nudging overlapping pins apart is sensitive to fractions).
  const originX = Math.round(centre.x - size.width / 2);
  const originY = Math.round(centre.y - size.height / 2);
  return {
    /** The world pixel at the map's top left corner. */
    origin: { x: originX, y: originY },
    /** Where a place lands (as `latLngToContainerPoint`, which rounds the world pixel first). */
    point(lat: number, lon: number) {
      const p = project(lat, lon, camera.zoom);
      return { x: Math.round(p.x) - originX, y: Math.round(p.y) - originY };
    },
    /** The place under a screen point (as `containerPointToLatLng`). */
    place(x: number, y: number) {
      return unproject(x + originX, y + originY, camera.zoom);
    },
  };
}
