import { pointName, pointsBounds, type MapPoint } from "./map-points";
import type { UiText } from "../i18n/ui-text";

/*
 * What the map shows when the URL has no `map=`, and the names on clusters. Used by the map's lazy
 * chunk only: kept apart from map-points.ts, which the first-load bundle carries (live pins).
 */
/** The country the dashboard is about: its places get the first view. */
export const HOME_COUNTRY = "cn";

export type Bounds = [[number, number], [number, number]];

/** What the map fits when the URL carries no `map=`: the points' bounds, or a fixed extent when there are none. */
export interface FitTarget {
  bounds: Bounds | null;
  /** Places left outside `bounds` (the places abroad in the China-first view): the "World" control shows them. */
  outside: number;
}

/**
 * The extent a view opens on, a function of its points alone (so of the URL): every point, except in
 * the unfiltered home view, which opens on the places in China — at a world-wide fit the host cities
 * would merge into one cluster — with the places abroad one click away ("World").
 */
export function fitTarget(points: readonly Pick<MapPoint, "lat" | "lon" | "country">[], home: boolean): FitTarget {
  const inChina = points.filter((p) => p.country === HOME_COUNTRY);
  if (home && inChina.length > 0 && inChina.length < points.length) {
    return { bounds: pointsBounds(inChina), outside: points.length - inChina.length };
  }
  return { bounds: pointsBounds(points), outside: 0 };
}

/** Shown when there is nothing to fit: most of the dataset's places are here. */
export const EAST_ASIA: Bounds = [
  [18, 95],
  [46, 135],
];

// Room at the top for the map's buttons and at the bottom for the legend: a fitted pin is never under them.
export const FIT_OPTIONS = {
  paddingTopLeft: [40, 52] as [number, number],
  paddingBottomRight: [40, 72] as [number, number],
  maxZoom: 6,
};

/**
 * A lone place (or places at one spot, e.g. a tour step's view) has no extent to fit: the fit would
 * stop only at its cap, where a coarse basemap shows a stretch of coast and little to place it by.
 * It opens here instead: the country around it on a laptop, its region on a phone.
 */
export const LONE_PLACE_ZOOM = 5;

/** How to fit `bounds`: FIT_OPTIONS, with a lone place (bounds of no extent) kept at LONE_PLACE_ZOOM. */
export function fitOptionsFor([[south, west], [north, east]]: Bounds): typeof FIT_OPTIONS {
  return south === north && west === east ? { ...FIT_OPTIONS, maxZoom: Math.min(LONE_PLACE_ZOOM, FIT_OPTIONS.maxZoom) } : FIT_OPTIONS;
}

/** Whether a point on a map of `size` is clear of its buttons and legend: where a fit puts pins, and where a selected place is brought. */
export function clearOfControls(point: { x: number; y: number }, size: { width: number; height: number }): boolean {
  const [left, top] = FIT_OPTIONS.paddingTopLeft;
  const [right, bottom] = FIT_OPTIONS.paddingBottomRight;
  return point.x >= left && point.y >= top && point.x <= size.width - right && point.y <= size.height - bottom;
}

/** Where a view with no `map=` opens: see `fitTarget` (China first on the unfiltered view). */
export function fitBoundsFor(points: readonly Pick<MapPoint, "lat" | "lon" | "country">[], home: boolean): Bounds {
  return fitTarget(points, home).bounds ?? EAST_ASIA;
}

/**
 * Names the set of places a fit depends on. The map refits when it changes (a drag that only changes
 * counts keeps the map still) — the same set always gives the same fit.
 */
export function fitKeyOf(points: readonly Pick<MapPoint, "placeId">[], home: boolean): string {
  return `${home ? "home" : "all"}:${points
    .map((p) => p.placeId)
    .sort()
    .join(",")}`;
}

/**
 * `seen` with the places of `points` it lacks, or `seen` itself when it has them all: what the map
 * fits while playback runs, so that the camera only widens as places appear and does not refit
 * (and redraw) on every frame where places come and go.
 */
export function withNewPlaces<P extends Pick<MapPoint, "placeId">>(seen: readonly P[], points: readonly P[]): readonly P[] {
  const known = new Set(seen.map((p) => p.placeId));
  const added = points.filter((p) => !known.has(p.placeId));
  return added.length === 0 ? seen : [...seen, ...added];
}

/** A cluster's visible label: its busiest places by name, "Shanghai, Suzhou" or "Shanghai, Beijing +6". */
export function clusterNames(
  points: readonly Pick<MapPoint, "name" | "nameZh" | "count">[],
  text: Pick<UiText, "lang">,
  shown = 2,
): string {
  const names = [...points].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)).map((p) => pointName(p, text));
  const separator = text.lang === "zh" ? "、" : ", ";
  const rest = names.length - shown;
  return rest > 0 ? `${names.slice(0, shown).join(separator)} +${rest}` : names.join(separator);
}
