import "server-only";
import type { DatasetIndex, IndexedEvent } from "./dataset";
import { facetBase, filterEvents } from "../search/filter";
import type { Query, Vocabulary } from "../query/query";
import { suggestSearch } from "../search/search";
import { vocabularyOf } from "./vocabulary";

/**
 * The one store per process: the dataset read, validated and indexed once per version, shared by every
 * route (page, API, previews). Its interface is what the routes ask of the data, small enough that a
 * database could implement it; the JSON folder is the only implementation today.
 */
export interface EventStore {
  /** Changes whenever the data files do: caches and ETags are keyed by it. */
  readonly version: string;
  readonly total: number;
  readonly index: DatasetIndex;
  readonly vocabulary: Vocabulary;
  /** The events a query selects, in date order. */
  match(query: Query): IndexedEvent[];
  /** The events matching every filter of the query but time: what the timeline and the scrub index draw from. */
  matchAllButTime(query: Query): IndexedEvent[];
  event(id: string): IndexedEvent | undefined;
  /** Another wording of the query's search that finds events under its other filters ("Shanghai" for "Shanghia"), or null. */
  suggest(query: Query): string | null;
}

/** The store over one indexed dataset held in memory: the JSON folder's implementation. */
export function memoryStore(index: DatasetIndex, version: string): EventStore {
  return {
    version,
    total: index.events.length,
    index,
    vocabulary: vocabularyOf(index),
    match: (query) => filterEvents(index, query),
    matchAllButTime: (query) => facetBase(index, query, "time"),
    event: (id) => index.eventById.get(id),
    suggest: (query) => (query.q ? suggestSearch(index, query.q, (q) => filterEvents(index, { ...query, q }).length > 0) : null),
  };
}

