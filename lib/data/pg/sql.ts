import "server-only";
import { LIST_KEYS, type FilterKey, type ListKey, type Query } from "../../query/query";
import { windowOf } from "../../core/time-window";
import type { StoredEvent } from "../dataset";

// The version string readers see: named in lib/data-version, which server.mjs's page cache shares.
export { versionName } from "../../data-version/published-version.mjs";

/** The events' column each list filter tests; `organizations` is an array (any one of them). */
const COLUMN: Record<ListKey, string> = { city: "place", country: "country", category: "category", org: "organizations" };

/** Positional parameters collected while a statement is written: `add` gives the next `$n`. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * A search as the word lists resolved it (pg/search.ts): the text the substring test looks for, and
 * per query word the words it stands for (among events' own words and place and organization names).
 */
export interface SearchMatch {
  verbatim: string;
  /** The places and organizations whose names have the text verbatim. */
  places: string[];
  orgs: string[];
  terms: string[][];
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The events a search finds (lib/search/search.ts `searchEvents`): its text verbatim, or every query
 * word among the event's words (its own, its place's and its organizations' names). The text
 * verbatim is in the event's own text (trigram-indexed) or in its place's or an organization's
 * names (resolved from the names: `places`, `orgs`); a text with a line break may span fields, and
 * is looked for in the whole text. One subquery on event_search, each branch served by a GIN index.
 */
function searchCondition(params: Params, scope: string, search: SearchMatch): string {
  const pattern = params.add(likePattern(search.verbatim));
  const verbatim = search.verbatim.includes("\n") ? `search_text LIKE ${pattern}` : `own_text LIKE ${pattern}`;
  const terms = search.terms.map((words) => (words.length ? `words && ${params.add(words)}::text[]` : "false"));
  const found = terms.length ? `(${verbatim} OR (${terms.join(" AND ")}))` : verbatim;
  const named = [
    ...(search.places.length ? [`place = ANY(${params.add(search.places)}::text[])`] : []),
    ...(search.orgs.length ? [`organizations && ${params.add(search.orgs)}::text[]`] : []),
  ];
  return [`id IN (SELECT id FROM event_search WHERE ${scope} AND ${found})`, ...named].join(" OR ");
}

/**
 * One SQL condition per active filter of `query`, in the URL's order (time first), as
 * `filtersExcluding` names them: AND across parameters, OR within one. `scope` is the version's
 * condition (the search's subqueries need it), `search` the query's search resolved, or null
 * without one. `without` leaves one filter out (a facet's own, or time), with its parameters.
 */
export function filterConditions(
  params: Params,
  scope: string,
  query: Query,
  search: SearchMatch | null,
  without?: FilterKey,
): Map<FilterKey, string> {
  const conditions = new Map<FilterKey, string>();
  const wanted = (key: FilterKey) => key !== without;
  const window = windowOf(query);
  // A span overlaps the window, each at its own precision (lib/core/time-window.ts `overlaps`).
  const time = !wanted("time") ? [] : [
    ...(window.startMs > -Infinity ? [`end_ms >= ${params.add(window.startMs)}`] : []),
    ...(window.endMs < Infinity ? [`start_ms <= ${params.add(window.endMs)}`] : []),
  ];
  if (time.length > 0) conditions.set("time", time.join(" AND "));
  for (const key of LIST_KEYS) {
    if (query[key].length === 0 || !wanted(key)) continue;
    const values = params.add(query[key]);
    conditions.set(key, key === "org" ? `organizations && ${values}::text[]` : `${COLUMN[key]} = ANY(${values}::text[])`);
  }
  if (query.unmapped && wanted("unmapped")) conditions.set("unmapped", "place IS NULL");
  if (search && wanted("q")) conditions.set("q", searchCondition(params, scope, search));
  return conditions;
}

/** The WHERE clause of a version's events (`scope`) under the conditions. */
export function whereClause(scope: string, conditions: ReadonlyMap<FilterKey, string>): string {
  const parts = [scope, ...[...conditions.values()].map((sql) => `(${sql})`)];
  return `WHERE ${parts.join(" AND ")}`;
}

/** Date order (lib/core/date-order.ts `byDate`): ids are `COLLATE "C"`, code-point order as in JavaScript. */
export const DATE_ORDER = "start_ms, end_ms, id";
export const DATE_ORDER_DESC = "start_ms DESC, end_ms DESC, id DESC";

/**
 * The records of the events a statement over `events` selects (`dataset, version, id, start_ms,
 * end_ms`, with its own WHERE, ORDER and LIMIT), in date order: the narrow table finds the rows, the
 * records are read by key for those rows only.
 */
export const withRecords = (events: string) =>
  `SELECT r.record, e.start_ms::float8 AS start_ms, e.end_ms::float8 AS end_ms FROM (${events}) AS e
   JOIN event_records r ON r.dataset = e.dataset AND r.version = e.version AND r.id = e.id
   ORDER BY e.start_ms, e.end_ms, e.id`;

/** The columns `withRecords` needs from `events`. */
export const EVENT_KEY = "dataset, version, id, start_ms, end_ms";

/** A row of `withRecords`, and the event it hands out. */
export type EventRecordRow = { record: StoredEvent; start_ms: number; end_ms: number };
export const storedEvent = (row: EventRecordRow): StoredEvent => ({ ...row.record, startMs: row.start_ms, endMs: row.end_ms });
