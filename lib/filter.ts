import type { DatasetIndex, IndexedEvent } from "./dataset";
import { LIST_KEYS, type ListKey, type Query } from "./query";
import { isBounded, windowOf, type TimeWindow } from "./time-window";

export type FilterKey = ListKey | "time" | "q";
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
    if (startColumn[i] <= window.endMs && endColumn[i] >= window.startMs) found.push(events[i]);
  }
  return found;
}

/** One predicate per active parameter except time (see inWindow): AND across parameters, OR within one. */
function predicates(query: Query): Map<FilterKey, Predicate> {
  const active = new Map<FilterKey, Predicate>();
  for (const key of LIST_KEYS) {
    const wanted = new Set(query[key]);
    if (wanted.size === 0) continue;
    active.set(key, (e) => {
      const value = valueOf[key](e);
      return Array.isArray(value) ? value.some((v) => wanted.has(v)) : value !== undefined && wanted.has(value);
    });
  }
  const needle = query.q.trim().toLowerCase();
  if (needle) active.set("q", (e) => e.searchText.includes(needle));
  return active;
}

function matchAll(events: IndexedEvent[], tests: Predicate[]): IndexedEvent[] {
  if (tests.length === 0) return events;
  return events.filter((e) => tests.every((test) => test(e)));
}

/** The events a query selects, in date order. `window` overrides from/to while the timeline is being scrubbed. */
export function filterEvents(index: DatasetIndex, query: Query, window: TimeWindow = windowOf(query)): IndexedEvent[] {
  const candidates = isBounded(window) ? inWindow(index, window) : index.events;
  return matchAll(candidates, [...predicates(query).values()]);
}

/** For each facet, the events matching every *other* active filter, so each value can show its count. */
export function facetBase(index: DatasetIndex, query: Query, facet: FilterKey): IndexedEvent[] {
  const window = windowOf(query);
  const candidates = facet !== "time" && isBounded(window) ? inWindow(index, window) : index.events;
  const active = predicates(query);
  active.delete(facet);
  return matchAll(candidates, [...active.values()]);
}

export function countBy(events: IndexedEvent[], key: ListKey | "year"): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of events) {
    const values = key === "year" ? yearsOf(e) : [valueOf[key](e)].flat();
    for (const v of values) if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return counts;
}

function yearsOf(e: IndexedEvent): string[] {
  const first = new Date(e.startMs).getUTCFullYear();
  const last = new Date(e.endMs).getUTCFullYear();
  return Array.from({ length: last - first + 1 }, (_, i) => String(first + i));
}
