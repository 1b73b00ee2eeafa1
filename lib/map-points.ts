import type { DatasetIndex, IndexedEvent } from "./dataset";

/** How sure the dataset is about where a place's events happened: see `placeCertainty`. */
export type PlaceCertainty = "stated" | "inferred" | "mixed";

/** One map pin: a place and the given events held there. */
export interface MapPoint {
  placeId: string;
  name: string;
  nameZh: string;
  country: string;
  lat: number;
  lon: number;
  count: number;
  certainty: PlaceCertainty;
  eventIds: string[]; // in the order the events were given (date order when they come from the filter)
}

export interface MapPoints {
  points: MapPoint[];
  /** Events with no place (online, or location unknown): never dropped, only counted. */
  unmapped: number;
}

/**
 * Groups events by place. Linear in the number of events, so it stays cheap for large datasets;
 * the number of pins is bounded by the number of places, not events.
 */
export function mapPoints(events: readonly IndexedEvent[], index: DatasetIndex): MapPoints {
  const byPlace = new Map<string, { point: MapPoint; stated: boolean; inferred: boolean }>();
  let unmapped = 0;
  for (const event of events) {
    const place = event.place ? index.placeById.get(event.place) : undefined;
    if (!place) {
      unmapped++;
      continue;
    }
    let entry = byPlace.get(place.id);
    if (!entry) {
      const { id: placeId, name, nameZh, country, lat, lon } = place;
      const point: MapPoint = { placeId, name, nameZh, country, lat, lon, count: 0, certainty: "stated", eventIds: [] };
      entry = { point, stated: false, inferred: false };
      byPlace.set(place.id, entry);
    }
    entry.point.count++;
    entry.point.eventIds.push(event.id);
    if (event.placeCertainty === "inferred") entry.inferred = true;
    else entry.stated = true;
  }
  const points = [...byPlace.values()].map(({ point, stated, inferred }) => {
    point.certainty = stated && inferred ? "mixed" : inferred ? "inferred" : "stated";
    return point;
  });
  // Busiest places first; ties by name so the order (and the tab order of pins) is stable.
  points.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return { points, unmapped };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Accessible name of a place pin: "Shanghai — 4 events". */
export function pinLabel(point: Pick<MapPoint, "name" | "count">): string {
  return `${point.name} — ${plural(point.count, "event", "events")}`;
}

/** Accessible name of a cluster pin: "3 places — 9 events (zoom in)". */
export function clusterLabel(places: number, events: number): string {
  return `${plural(places, "place", "places")} — ${plural(events, "event", "events")} (zoom in)`;
}

/** The note beside the map for events it cannot show. */
export function unmappedLabel(unmapped: number): string {
  return `${plural(unmapped, "event", "events")} without a mapped place`;
}

/** South-west and north-east corners around the points, or null when there are none. */
export function pointsBounds(points: readonly Pick<MapPoint, "lat" | "lon">[]): [[number, number], [number, number]] | null {
  if (points.length === 0) return null;
  let south = Infinity, west = Infinity, north = -Infinity, east = -Infinity;
  for (const { lat, lon } of points) {
    south = Math.min(south, lat);
    north = Math.max(north, lat);
    west = Math.min(west, lon);
    east = Math.max(east, lon);
  }
  return [[south, west], [north, east]];
}
