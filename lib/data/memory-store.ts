import "server-only";
import type { DatasetIndex, IndexedEvent } from "./dataset";
import { InvalidCursorError, type DataExtent, type Neighbours, type RowCursor, type Store, type StoreSnapshot } from "./store";
import { facetBase, filterEvents, filtersExcluding, countBy } from "../search/filter";
import { facets, yearOptions } from "../search/facets";
import type { Query } from "../query/query";
import { suggestSearch } from "../search/search";
import { mapPoints } from "../map/map-points";
import { encodeScrubColumns } from "../timeline/scrub-index";
import { byDate, type Dated } from "../core/date-order";
import { eventRow } from "../view/rows";
import { timelineModel } from "../view/timeline-model";
import { neighboursAmong } from "../view/detail";
import { datasetCoverage } from "../view/coverage";
import { sourcePage } from "../sources/sources";
import { snapshotVocabulary } from "./vocabulary";
import type { Tour } from "../tours/schema";

/** A list cursor names the last row shown by its place in date order: its span and id. */
export function encodeCursor(e: Dated): RowCursor {
  return Buffer.from(JSON.stringify([e.startMs, e.endMs, e.id])).toString("base64url");
}

/** The cursor's place in date order; throws on a cursor no store wrote (the caller answers 400). */
export function decodeCursor(cursor: RowCursor): Dated {
  try {
    const [startMs, endMs, id] = JSON.parse(Buffer.from(cursor, "base64url").toString()) as unknown[];
    if (typeof startMs === "number" && typeof endMs === "number" && typeof id === "string") return { startMs, endMs, id };
  } catch {
    // reported below
  }
  throw new InvalidCursorError(cursor);
}

/** The first position in `events` (date order) after `key`. */
function firstAfter(events: readonly IndexedEvent[], key: Dated): number {
  let low = 0;
  let high = events.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (byDate(events[mid], key) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

function extentOf(index: DatasetIndex): DataExtent | null {
  if (index.events.length === 0) return null;
  const first = index.events[0]; // events are in date order
  const last = index.events.reduce((a, b) => (b.endMs > a.endMs ? b : a));
  return { first, last };
}

/**
 * The snapshot of one indexed dataset held in memory: the JSON folder's implementation of the store
 * contract, and the reference every other store is tested against. It is immutable, so one object
 * serves every request for its version. The filter's result is kept per query object: one request
 * asks several questions of the same query (count, a page, pins…), and filters once.
 */
export function memorySnapshot(index: DatasetIndex, version: string, tours: readonly Tour[] = []): StoreSnapshot {
  const matches = new WeakMap<Query, IndexedEvent[]>();
  const bases = new WeakMap<Query, IndexedEvent[]>();
  const match = (query: Query) => {
    let found = matches.get(query);
    if (!found) matches.set(query, (found = filterEvents(index, query)));
    return found;
  };
  // What the timeline and the scrub index draw from: every filter but time.
  const allButTime = (query: Query) => {
    let found = bases.get(query);
    if (!found) bases.set(query, (found = facetBase(index, query, "time")));
    return found;
  };
  return {
    version,
    total: index.events.length,
    vocabulary: snapshotVocabulary(index),
    // The reference tables only, not the index: callers outside lib/data/ must not depend on it.
    names: {
      places: index.places,
      placeById: index.placeById,
      orgById: index.orgById,
      categoryById: index.categoryById,
      countries: index.countries,
      sourceById: index.sourceById,
      sourceByFile: index.sourceByFile,
    },
    extent: extentOf(index),
    count: async (query) => match(query).length,
    rows: async (query, { lang, limit, after, offset = 0 }) => {
      const matching = match(query);
      const from = after ? firstAfter(matching, decodeCursor(after)) : offset;
      const page = matching.slice(from, from + limit);
      const next = from + limit < matching.length && page.length > 0 ? encodeCursor(page[page.length - 1]) : null;
      return { rows: page.map((e) => eventRow(e, index, lang)), next };
    },
    facets: async (query) => ({ facets: facets(index, query), years: yearOptions(index, query) }),
    pins: async (query) => mapPoints(match(query), index),
    timeline: async (query) => timelineModel(allButTime(query), index, query),
    // The whole dataset's columns are 11 bytes an event (1.1 MB at 10⁵): memory always sends them.
    scrubIndex: async (query) => encodeScrubColumns(allButTime(query), index),
    yearCounts: async (query) => countBy(match(query), "year", index),
    event: async (id) => index.eventById.get(id) ?? null,
    neighbours: async (query, id): Promise<Neighbours> => {
      const event = index.eventById.get(id);
      if (!event) throw new RangeError(`No event ${id}`);
      const matching = match(query);
      const around = neighboursAmong(matching, event);
      // Only an event outside the matches has filters to name.
      const excluding = around.position ? [] : filtersExcluding(index, query, event);
      return { ...around, matched: matching.length, excluding };
    },
    suggest: async (query) =>
      query.q ? suggestSearch(index, query.q, (q) => filterEvents(index, { ...query, q }).length > 0) : null,
    exportEvents: async function* (query) {
      // Memory holds the list already: one batch (a database streams its cursor's batches).
      const matching = match(query);
      if (matching.length > 0) yield matching;
    },
    sourcesIndex: async () => ({ coverage: datasetCoverage(index), withText: new Set(index.sourceTexts.keys()) }),
    source: async (id) => sourcePage(index, id),
    tours: async () => tours,
  };
}

/** A store over one dataset that never changes (tests, the contract suite): one snapshot, always healthy. */
export function fixedMemoryStore(index: DatasetIndex, version: string): Store {
  const snapshot = memorySnapshot(index, version);
  return { kind: "memory", snapshot: async () => snapshot, health: async () => ({ version, problems: [] }) };
}
