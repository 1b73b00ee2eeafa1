import "server-only";
import type { DatasetIndex, IndexedEvent } from "../data/dataset";
import { LIST_KEYS, type FilterKey, type ListKey, type Query } from "../query/query";
import { searchEvents } from "./search";
import { isBounded, overlaps, windowOf, type TimeWindow } from "../core/time-window";

export type { FilterKey };
type Predicate = (event: IndexedEvent) => boolean;

const valueOf: Record<ListKey, (e: IndexedEvent) => string | string[] | undefined> = {
  city: (e) => e.place,
  country: (e) => e.country,
  category: (e) => e.category,
  org: (e) => e.organizations,
};

/** The events overlapping a window, at each event's own precision: `2015-11` overlaps a window ending 2015-11-05. */
function inWindow(index: DatasetIndex, window: TimeWindow): IndexedEvent[] {
  const { startColumn, endColumn, events } = index;
  const found: IndexedEvent[] = [];
  for (let i = 0; i < events.length; i++) {
    if (overlaps(startColumn[i], endColumn[i], window)) found.push(events[i]);
  }
  return found;
}

/** One predicate per active parameter except time (see inWindow): AND across parameters, OR within one. */
function predicates(index: DatasetIndex, query: Query): Map<FilterKey, Predicate> {
  const active = new Map<FilterKey, Predicate>();
  for (const key of LIST_KEYS) {
    const wanted = new Set(query[key]);
    if (wanted.size === 0) continue;
    active.set(key, (e) => {
      const value = valueOf[key](e);
      return Array.isArray(value) ? value.some((v) => wanted.has(v)) : value !== undefined && wanted.has(value);
    });
  }
  if (query.unmapped) active.set("unmapped", (e) => e.placeIndex < 0);
  if (query.q.trim()) {
    const found = searchEvents(index, query.q);
    active.set("q", (e) => found.has(e));
  }
  return active;
}

function matchAll(events: IndexedEvent[], tests: Predicate[]): IndexedEvent[] {
  if (tests.length === 0) return events;
  return events.filter((e) => tests.every((test) => test(e)));
}

/** The events a query selects, in date order. `window` overrides from/to while the timeline is being scrubbed. */
export function filterEvents(index: DatasetIndex, query: Query, window: TimeWindow = windowOf(query)): IndexedEvent[] {
  const candidates = isBounded(window) ? inWindow(index, window) : index.events;
  return matchAll(candidates, [...predicates(index, query).values()]);
}

/**
 * The filters of `query` that leave `event` out, in the URL's order (time first): empty when the
 * query matches it. The detail of an event opened outside the view names them and offers to drop them.
 */
export function filtersExcluding(index: DatasetIndex, query: Query, event: IndexedEvent): FilterKey[] {
  const excluding: FilterKey[] = [];
  if (!overlaps(event.startMs, event.endMs, windowOf(query))) excluding.push("time");
  for (const [key, test] of predicates(index, query)) if (!test(event)) excluding.push(key);
  return excluding;
}

/** For each facet, the events matching every *other* active filter, so each value can show its count. */
export function facetBase(index: DatasetIndex, query: Query, facet: FilterKey): IndexedEvent[] {
  const window = windowOf(query);
  const candidates = facet !== "time" && isBounded(window) ? inWindow(index, window) : index.events;
  const active = predicates(index, query);
  active.delete(facet);
  return matchAll(candidates, [...active.values()]);
}

const slotOf: Record<ListKey, (e: IndexedEvent) => number> = {
  city: (e) => e.placeIndex,
  country: (e) => e.countryIndex,
  category: (e) => e.categoryIndex,
  org: () => -1, // several per event: counted below
};

/**
 * How many of `events` have each value of a parameter (or fall in each year). Counts go into an
 * array by each value's position in the vocabulary: at 10⁵ events a Map keyed by strings was 10–50× slower.
 */
export function countBy(events: readonly IndexedEvent[], key: ListKey | "year", index: Pick<DatasetIndex, "ids">): Map<string, number> {
  const counts = new Map<string, number>();
  if (key === "year") {
    const byYear = new Map<number, number>();
    for (const e of events) {
      for (let y = e.startYear; y <= e.endYear; y++) byYear.set(y, (byYear.get(y) ?? 0) + 1);
    }
    for (const [year, n] of byYear) counts.set(String(year), n);
    return counts;
  }
  const ids = index.ids[key];
  const tally = new Uint32Array(ids.length);
  if (key === "org") {
    for (const e of events) for (const i of e.orgIndexes) if (i >= 0) tally[i]++;
  } else {
    const slot = slotOf[key];
    for (const e of events) {
      const i = slot(e);
      if (i >= 0) tally[i]++;
    }
  }
  tally.forEach((n, i) => n > 0 && counts.set(ids[i], n));
  return counts;
}
