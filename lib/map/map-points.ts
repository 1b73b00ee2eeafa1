import { placeCertaintyOf } from "../sources/certainty";
import type { DatasetIndex, IndexedEvent } from "../data/dataset";
import { countText, fill } from "../i18n/plural";
import { nameIn } from "../i18n/lang";
import type { Place } from "../data/schema";
import type { UiText } from "../i18n/ui-text";
import { overlaps, type TimeWindow } from "../core/time-window";

/** How sure the dataset is about where a place's events happened: see `placeCertainty`. */
export type PlaceCertainty = "stated" | "inferred" | "mixed";

/** One map pin: a place and how many of the view's events were held there. */
export interface MapPoint {
  placeId: string;
  name: string;
  nameZh: string;
  country: string;
  lat: number;
  lon: number;
  count: number;
  certainty: PlaceCertainty;
  /** The accessible name ("Shanghai — 7 events") when the server wrote it: the page then formats no numbers to start. */
  label?: string;
  /** The place holds an event of the open guided tour's step (`markTourPins`): its pin is ringed. */
  tour?: boolean;
}

/**
 * Events counted per place, by the place's position in the dataset's place list. The server tallies
 * a query's events; the browser tallies the scrub index for a live window. Both become pins here.
 */
export interface PlaceTally {
  counts: Uint32Array;
  /** Of `counts`, the events whose place is inferred. */
  inferred: Uint32Array;
  /** Events with no place (online, or location unknown): never dropped, only counted. */
  unmapped: number;
}

export function emptyTally(places: number): PlaceTally {
  return { counts: new Uint32Array(places), inferred: new Uint32Array(places), unmapped: 0 };
}

/** One pin per place with events, busiest first (ties by name, so the tab order of pins is stable). */
export function pointsFromTally(tally: PlaceTally, places: readonly Place[]): MapPoint[] {
  const points: MapPoint[] = [];
  places.forEach((place, i) => {
    const count = tally.counts[i];
    if (!count) return;
    const inferred = tally.inferred[i];
    const certainty = inferred === 0 ? "stated" : inferred === count ? "inferred" : "mixed";
    const { id: placeId, name, nameZh, country, lat, lon } = place;
    points.push({ placeId, name, nameZh, country, lat, lon, count, certainty });
  });
  return points.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/** The place's name in the reader's language. */
export const pointName = (point: Pick<MapPoint, "name" | "nameZh">, text: Pick<UiText, "lang">) => nameIn(text.lang, point);

/** A pin's name, saying so when it holds an event of the open tour step: a ring alone is not heard. */
const inTourStep = (label: string, tour: boolean | undefined, text: UiText) => (tour ? fill(text.legend.tourPin, { pin: label }) : label);

/** Accessible name of a place pin: "Shanghai — 4 events" / "上海 — 4 个事件" (", part of this tour step"). */
export function pinLabel(point: Pick<MapPoint, "name" | "nameZh" | "count" | "tour">, text: UiText): string {
  const label = fill(text.legend.pin, { name: pointName(point, text), events: countText(text.counts.events, point.count, text.lang) });
  return inTourStep(label, point.tour, text);
}

/** Accessible name of a cluster pin: "3 places — 9 events (zoom in)" (", part of this tour step"). */
export function clusterLabel(places: number, events: number, text: UiText, tour = false): string {
  const label = fill(text.legend.clusterPin, {
    places: countText(text.counts.places, places, text.lang),
    events: countText(text.counts.events, events, text.lang),
  });
  return inTourStep(label, tour, text);
}

/**
 * An event of the open tour step that the view's filters other than time keep, where and when it
 * happened: the server sends these few with the view, so that the live map (timeline drag, playback)
 * rings the same pins the server would for its window.
 */
export interface TourStop {
  placeId: string;
  startMs: number;
  endMs: number;
}

/** The places whose pins hold an event of the tour step within the window (the time filter's own test). */
export function tourPlaces(stops: readonly TourStop[], window: TimeWindow): Set<string> {
  return new Set(stops.filter((s) => overlaps(s.startMs, s.endMs, window)).map((s) => s.placeId));
}

/** The pins at the tour step's places marked as such, with names that say it. */
export function markTourPins(points: MapPoint[], places: ReadonlySet<string>, text: UiText): MapPoint[] {
  if (places.size === 0) return points;
  return points.map((p) => {
    if (!places.has(p.placeId)) return p;
    const marked = { ...p, tour: true };
    return { ...marked, label: pinLabel(marked, text) };
  });
}

/** The note beside the map for events it cannot show. */
export function unmappedLabel(unmapped: number, text: UiText): string {
  return countText(text.counts.unmapped, unmapped, text.lang);
}

/** South-west and north-east corners around the points, or null when there are none. */
export function pointsBounds(points: readonly Pick<MapPoint, "lat" | "lon">[]): [[number, number], [number, number]] | null {
  if (points.length === 0) return null;
  let south = Infinity,
    west = Infinity,
    north = -Infinity,
    east = -Infinity;
  for (const { lat, lon } of points) {
    south = Math.min(south, lat);
    north = Math.max(north, lat);
    west = Math.min(west, lon);
    east = Math.max(east, lon);
  }
  return [
    [south, west],
    [north, east],
  ];
}

/** The server's tally: a query's events counted per place. */
export function tallyEvents(events: readonly IndexedEvent[], index: DatasetIndex): PlaceTally {
  const tally = emptyTally(index.dataset.places.length);
  for (const e of events) {
    const i = e.place === undefined ? undefined : index.placeOrder.get(e.place);
    if (i === undefined) {
      tally.unmapped++;
      continue;
    }
    tally.counts[i]++;
    if (placeCertaintyOf(e) === "inferred") tally.inferred[i]++;
  }
  return tally;
}

/** Pins for a list of events, and how many of them have no place. */
export function mapPoints(events: readonly IndexedEvent[], index: DatasetIndex): { points: MapPoint[]; unmapped: number } {
  const tally = tallyEvents(events, index);
  return { points: pointsFromTally(tally, index.dataset.places), unmapped: tally.unmapped };
}
