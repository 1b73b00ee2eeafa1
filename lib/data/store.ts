import "server-only";
import type { FilterKey, Query, Vocabulary } from "../query/query";
import type { Names, StoredEvent } from "./dataset";
import type { DataProblem } from "./validate";
import type { EventRow } from "../view/rows";
import type { Facet } from "../search/facets";
import type { MapPoint } from "../map/map-points";
import type { TimelineModel } from "../view/timeline-model";
import type { Coverage } from "../sources/coverage";
import type { SourcePage } from "../sources/sources";
import type { Lang } from "../i18n/lang";
import type { Tour } from "../tours/schema";
import { DatasetError, memoryFolderStore } from "./memory-folder";
import { StoreUnavailableError } from "./store-errors";
import { pgPool, pgStore } from "./pg/pg-store";
import { datasetKey } from "./pg/dataset-key";

export type { Names, StoredEvent };
export { DatasetError, StoreUnavailableError };
export { dataDir } from "./memory-folder";
export { parseQueryIn } from "./query-in";

/**
 * The store contract (DESIGN.md, "Store contract"): routes, the view model, /og and the page cache ask
 * the store for answers, never for the dataset. Each request opens one snapshot and asks it
 * everything: all its answers come from one data version, the one its `version` names (ETags and
 * caches are keyed by it). Every answer is shaped as a view needs it and is small (one page, counts,
 * pins, buckets), so that a database can answer each with a query or two; whole lists of events
 * leave a store only through the export stream.
 *
 * Two implementations: memory (`memory-store.ts`, the JSON folder indexed in the process) and
 * PostgreSQL (`pg/pg-store.ts`). `store.contract.ts` is the suite both must pass.
 */
export interface Store {
  /** "memory" or "postgres": /api/health reports it. */
  readonly kind: string;
  /**
   * The current version's snapshot. Rejects with DatasetError when the data was refused (or none is
   * published), with StoreUnavailableError when the database does not answer.
   */
  snapshot(): Promise<StoreSnapshot>;
  /** The version served, and the problems of a newer one that was refused. */
  health(): Promise<StoreHealth>;
}

export interface StoreHealth {
  version: string | null;
  problems: DataProblem[];
}

/** Where the list continues: opaque, handed back by `rows` and given to it again for the next page. */
export type RowCursor = string;

/** What `rows` throws for a cursor no store wrote (edited by hand, cut short): the caller answers 400. */
export class InvalidCursorError extends Error {
  constructor(cursor: string) {
    super(`Not a list cursor: ${cursor}`);
    this.name = "InvalidCursorError";
  }
}

/** A page of list rows: after a cursor (keyset, date order), or at an offset (the API's `offset`). */
export interface RowsRequest {
  lang: Lang;
  limit: number;
  after?: RowCursor | null;
  offset?: number;
}

export interface RowsPage {
  rows: EventRow[];
  /** The cursor after the last row, or null when the list ends with this page. */
  next: RowCursor | null;
}

export interface FacetCounts {
  facets: Facet[];
  /** Year quick-picks, with their counts under the other filters. */
  years: YearOption[];
}

export interface YearOption {
  year: string;
  count: number;
  active: boolean;
}

export interface Pins {
  /** One per place with matching events, most events first, then by name; labels are the view's to write. */
  points: MapPoint[];
  /** Matching events with no mapped place. */
  unmapped: number;
}

/**
 * Where one event stands among a view's matches, in date order: Previous/Next, "3 of 12". An event
 * outside the matches has no position, steps to its neighbours by date, and names the filters that
 * leave it out (`excluding`).
 */
export interface Neighbours {
  previous: string | null;
  next: string | null;
  /** 1-based, or null when the event is not among the matches. */
  position: number | null;
  matched: number;
  excluding: FilterKey[];
}

/** The first event's start and the latest end: a time window wholly beyond them is worth a notice. */
export interface DataExtent {
  first: Pick<StoredEvent, "start" | "startMs">;
  last: Pick<StoredEvent, "start" | "end" | "endMs">;
}

export interface SourcesIndex {
  coverage: Coverage;
  /** The documents' files whose text the store holds: those have a page. */
  withText: ReadonlySet<string>;
}

export interface StoreSnapshot {
  /** Changes whenever the data does: caches and ETags are keyed by it. */
  readonly version: string;
  /** Events in the dataset. */
  readonly total: number;
  /**
   * The ids a URL may name and the data's years: the query parser checks values against it. Not the
   * event ids (millions in a database): a URL's event is looked up by `parseQueryIn`.
   */
  readonly vocabulary: Omit<Vocabulary, "event">;
  readonly names: Names;
  /** Null for an empty dataset. */
  readonly extent: DataExtent | null;

  /** How many events the query selects. */
  count(query: Query): Promise<number>;
  /** One page of the query's events as list rows, in date order. */
  rows(query: Query, page: RowsRequest): Promise<RowsPage>;
  /** Each facet's values with the count each would match under the other filters, in the query's language. */
  facets(query: Query): Promise<FacetCounts>;
  /** The query's events counted per place. */
  pins(query: Query): Promise<Pins>;
  /** What the timeline draws: every filter but time; events one by one or density cells. */
  timeline(query: Query): Promise<TimelineModel>;
  /**
   * The compact columns the browser scrubs over (lib/timeline/scrub-index.ts) for the events matching
   * every filter but time; null when there are too many and the browser should draw density instead.
   */
  scrubIndex(query: Query): Promise<Uint8Array<ArrayBuffer> | null>;
  /** The query's events counted per year (UTC, each year an event touches): the preview image's bars. */
  yearCounts(query: Query): Promise<ReadonlyMap<string, number>>;
  event(id: string): Promise<StoredEvent | null>;
  /** Where an event (which must exist) stands among the query's matches. */
  neighbours(query: Query, id: string): Promise<Neighbours>;
  /** Another wording of the query's search that finds events under its other filters ("Shanghai" for "Shanghia"), or null. */
  suggest(query: Query): Promise<string | null>;
  /** The query's events in date order, in batches, for exports: the only way whole lists leave a store. */
  exportEvents(query: Query): AsyncIterable<readonly StoredEvent[]>;
  /** The dataset's coverage (events per document, years, unmapped) and which documents have a page. */
  sourcesIndex(): Promise<SourcesIndex>;
  /** One document's page (its text with the quotes marked), or null for an unknown id or a document without text. */
  source(id: string): Promise<SourcePage | null>;
  /**
   * The guided tours (`tours/<id>.json` of the data folder, lib/tours), validated against this very
   * version of the events, in file-name order; none when the folder has none. Small and whole: a tour
   * is a handful of steps.
   */
  tours(): Promise<readonly Tour[]>;
}

// On globalThis, as the memory store's state: Next bundles each route separately, and all share one pool.
const shared = globalThis as unknown as { __pgStore?: { urls: string; store: Store } };

/**
 * The store this process serves: PostgreSQL when DATABASE_URL is set (its published version of the
 * dataset DATASET_KEY, "default" unless set; reads spread over DATABASE_READ_URLS, space-separated,
 * when set), else the JSON folder in memory.
 */
export function getStore(): Store {
  const url = process.env.DATABASE_URL;
  if (!url) return memoryFolderStore;
  const readUrls = (process.env.DATABASE_READ_URLS ?? "").split(/\s+/).filter(Boolean);
  const urls = [url, ...readUrls, datasetKey()].join(" ");
  if (shared.__pgStore?.urls !== urls) {
    shared.__pgStore = { urls, store: pgStore({ pool: pgPool(url), readPools: readUrls.map(pgPool), dataset: datasetKey() }) };
  }
  return shared.__pgStore.store;
}

/** The current snapshot: what every route opens once per request. */
export function openSnapshot(): Promise<StoreSnapshot> {
  return getStore().snapshot();
}

/** For /api/health: the version being served, and the problems of a refused newer one. */
export function dataHealth(): Promise<StoreHealth> {
  return getStore().health();
}
