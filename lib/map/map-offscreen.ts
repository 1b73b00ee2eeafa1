import type { MapPoint } from "./map-points";

/** What a map shows, in degrees. Leaflet's west and east go past ±180 when the world repeats. */
export interface ViewBounds {
  south: number;
  west: number;
  north: number;
  east: number;
}

const FULL_TURN = 360;

/** Whether a place is inside the bounds, on any copy of the world the map shows (longitudes wrap). */
export function inView(lat: number, lon: number, bounds: ViewBounds): boolean {
  if (lat < bounds.south || lat > bounds.north) return false;
  if (bounds.east - bounds.west >= FULL_TURN) return true;
  // The copy of `lon` at or east of the bounds' west edge, less than a full turn away.
  const shifted = bounds.west + ((((lon - bounds.west) % FULL_TURN) + FULL_TURN) % FULL_TURN);
  return shifted <= bounds.east;
}

/**
 * How many of the view's events sit at places the map does not show: the map says so ("7 events
 * outside this map view"), since a pin out of sight is otherwise an event nobody knows is missing.
 * Counts places, not pixels: a pin whose centre is on the map counts as shown.
 */
export function eventsOutside(points: readonly Pick<MapPoint, "lat" | "lon" | "count">[], bounds: ViewBounds): number {
  let outside = 0;
  for (const p of points) if (!inView(p.lat, p.lon, bounds)) outside += p.count;
  return outside;
}
