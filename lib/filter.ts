import type { DatasetIndex, IndexedEvent } from "./dataset";
import { periodEnd, periodStart } from "./dates";
import { LIST_KEYS, type ListKey, type Query } from "./query";

export type FilterKey = ListKey | "time" | "q";
type Predicate = (event: IndexedEvent) => boolean;

/** A time window in ms; scrubbing the timeline supplies one live, before it reaches the URL. */
export interface Window {
  startMs: number;
  endMs: number;
}

export function windowOf(query: Pick<Query, "from" | "to">): Window {
  return {
    startMs: query.from ? periodStart(query.from) : -Infinity,
    endMs: query.to ? periodEnd(query.to) : Infinity,
  };
}

const valueOf: Record<ListKey, (e: IndexedEvent) => string | string[] | undefined> = {
  city: (e) => e.place,
  country: (e) => e.country,
  category: (e) => e.category,
  org: (e) => e.organizations,
};

/** One predicate per active parameter: AND across parameters, OR within one. */
function predicates(query: Query, window: Window = windowOf(query)): Map<FilterKey, Predicate> {
  const active = new Map<FilterKey, Predicate>();
  if (window.startMs > -Infinity || window.endMs < Infinity) {
    // Overlap at the event's own precision: `2015-11` overlaps a window that ends on 2015-11-05.
    active.set("time", (e) => e.startMs <= window.endMs && e.endMs >= window.startMs);
  }
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
export function filterEvents(index: DatasetIndex, query: Query, window?: Window): IndexedEvent[] {
  return matchAll(index.events, [...predicates(query, window).values()]);
}

/** For each facet, the events matching every *other* active filter, so each value can show its count. */
export function facetBase(index: DatasetIndex, query: Query, facet: FilterKey): IndexedEvent[] {
  const active = predicates(query);
  active.delete(facet);
  return matchAll(index.events, [...active.values()]);
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
