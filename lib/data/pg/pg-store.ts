import "server-only";
import type { Tour } from "../../tours/schema";
import pg from "pg";
import { DatasetError } from "../memory-folder";
import { StoreUnavailableError } from "../store-errors";
import { POOL_TIMEOUTS, PUBLISHED_VERSION_SQL } from "../../data-version/published-version.mjs";
import type { Names, StoredEvent } from "../dataset";
import type { Category, Organization, Place, SourceDocument } from "../schema";
import type { DataExtent, FacetCounts, Neighbours, Pins, RowsPage, Store, StoreHealth, StoreSnapshot } from "../store";
import type { Coverage } from "../../sources/coverage";
import type { FilterKey, ListKey, Query, Vocabulary } from "../../query/query";
import { decodeCursor, encodeCursor } from "../memory-store";
import { facetsFromCounts, yearOptionsFromCounts } from "../../search/facets";
import { readSearchWords, resolveSearch, suggestFrom, type SearchWords } from "./search";
import { emptyTally, pointsFromTally } from "../../map/map-points";
import { encodeScrubColumns } from "../../timeline/scrub-index";
import { eventRow } from "../../view/rows";
import { pgTimeline } from "./timeline";
import { sourcePage } from "../../sources/sources";
import { DATE_ORDER, DATE_ORDER_DESC, EVENT_KEY, storedEvent, withRecords, type EventRecordRow, type SearchMatch, Params, filterConditions, versionName, whereClause } from "./sql";

/**
 * The PostgreSQL + PostGIS store (lib/data/README.md, "PostgreSQL"). A snapshot pins the published
 * version id when it opens and filters every statement by the dataset key and that id, so all its
 * answers come from one version whatever a load publishes meanwhile.
 *
 * SQL answers: counts, list rows (keyset cursor), facets, pins, year counts, the timeline
 * (pg/timeline.ts), the scrub index, an event by id, Previous/Next, the export stream and the search
 * (pg/search.ts: the memory store's word rules over the version's word lists, the events found in
 * SQL), a document's page (its citing events); the coverage is counted by the load. Nothing holds
 * a version's events in the process.
 */

/** What a snapshot holds whole, read once per version: the reference tables, the vocabulary, extent and total. */
interface VersionHeader {
  names: Names;
  placeOrder: Map<string, number>;
  /** Without the event ids: a URL's event is looked up (`parseQueryIn`). */
  vocabulary: Omit<Vocabulary, "event">;
  extent: DataExtent | null;
  total: number;
  years: string[];
  documents: { record: SourceDocument; body: string | null }[];
  /** Counted by the load (dataset_versions.coverage). */
  coverage: Coverage;
  /** Checked by the load (dataset_versions.tours). */
  tours: readonly Tour[];
}


/**
 * Most events the scrub index carries (11 bytes each: 2.2 MB); above it the browser draws density
 * while dragging instead (the store contract allows none).
 */
const SCRUB_LIMIT = 200_000;

const UNDEFINED_TABLE = "42P01";

/** Errors of reaching the database (not of our SQL): the store is unavailable, answered 503. */
function unavailable(error: unknown): never {
  if (error instanceof DatasetError || error instanceof StoreUnavailableError || error instanceof RangeError) throw error;
  const code = (error as { code?: string }).code ?? "";
  if (code === UNDEFINED_TABLE) throw error;
  // Connection errors and timeouts, and PostgreSQL's classes 08 (connection), 28 (authorization),
  // 3D (no such database), 53 (resources), 57 (shut down, statement timeout).
  const reaching =
    /^(ECONN|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|08|28|3D|53|57)/.test(code) || /timeout|terminat|Connection/i.test(String(error));
  if (reaching) throw new StoreUnavailableError(`The database is not answering: ${(error as Error).message}`, { cause: error });
  throw error;
}

export interface PgStoreOptions {
  /** The primary: health, and reads when there are no replicas (or the chosen one does not answer). */
  pool: pg.Pool;
  /** Read replicas (DATABASE_READ_URLS): each snapshot reads from one of them, in turn. */
  readPools?: pg.Pool[];
  /** The dataset key every statement filters by. */
  dataset: string;
}

/** Keeps the last few versions' objects: a reader pinned to the previous version finishes its request. */
function versionCache<T>(keep = 2) {
  const entries = new Map<string, T>();
  return (version: string, make: () => T): T => {
    let found = entries.get(version);
    if (found === undefined) {
      found = make();
      entries.set(version, found);
      if (entries.size > keep) entries.delete(entries.keys().next().value!);
      // A failed read is not kept: the next request tries again.
      if (found instanceof Promise) found.catch(() => entries.delete(version));
    }
    return found;
  };
}

export function pgStore({ pool, readPools = [], dataset }: PgStoreOptions): Store {
  const headers = versionCache<Promise<VersionHeader>>();
  const searchWords = versionCache<Promise<SearchWords>>();

  /** The statements of one database (the primary, or a replica): a snapshot reads from one only. */
  function on(db: pg.Pool) {
    async function query<R extends pg.QueryResultRow>(sql: string, values: unknown[]): Promise<R[]> {
      try {
        return (await db.query<R>(sql, values)).rows;
      } catch (error) {
        unavailable(error);
      }
    }

    async function published(): Promise<{ versionId: string; version: string } | null> {
      const rows = await query<{ version: string; content_hash: string }>(PUBLISHED_VERSION_SQL, [dataset]).catch((error: unknown) => {
        // A database never loaded has no tables yet: no version published.
        if ((error as { code?: string }).code === UNDEFINED_TABLE) return [];
        throw error;
      });
      return rows[0] ? { versionId: rows[0].version, version: versionName(rows[0].version, rows[0].content_hash) } : null;
    }

    async function readHeader(versionId: string): Promise<VersionHeader> {
      const key = [dataset, versionId];
      const scope = "WHERE dataset = $1 AND version = $2";
      const [places, organizations, categories, documents, total, first, last, years, version] = await Promise.all([
        query<{ record: Place }>(`SELECT record FROM places ${scope} ORDER BY position`, key),
        query<{ record: Organization }>(`SELECT record FROM organizations ${scope} ORDER BY position`, key),
        query<{ record: Category }>(`SELECT record FROM categories ${scope} ORDER BY position`, key),
        query<{ record: SourceDocument; body: string | null }>(`SELECT record, body FROM source_documents ${scope} ORDER BY position`, key),
        query<{ n: number }>(`SELECT count(*)::int AS n FROM events ${scope}`, key),
        query<{ start: string; start_ms: number; start_year: number }>(
          `SELECT start_date AS start, start_ms::float8 AS start_ms, start_year FROM events ${scope} ORDER BY ${DATE_ORDER} LIMIT 1`,
          key,
        ),
        // The latest end; among equal ends the first in date order, as the memory store picks it.
        query<{ start: string; end: string | null; end_ms: number; end_year: number }>(
          `SELECT start_date AS start, end_date AS "end", end_ms::float8 AS end_ms, end_year FROM events ${scope}
           ORDER BY end_ms DESC, ${DATE_ORDER} LIMIT 1`,
          key,
        ),
        // The years events touch, from the monthly rollup.
        query<{ year: string }>(`SELECT DISTINCT (1970 + floor(month / 12.0))::int::text AS year FROM event_months ${scope}`, key),
        query<{ coverage: Coverage; tours: Tour[] }>(`SELECT coverage, tours FROM dataset_versions ${scope}`, key),
      ]);
      const byId = <T extends { id: string }>(items: T[]) => new Map(items.map((item) => [item.id, item]));
      const placeList = places.map((r) => r.record);
      const sources = documents.map((r) => r.record);
      const names: Names = {
        places: placeList,
        placeById: byId(placeList),
        orgById: byId(organizations.map((r) => r.record)),
        categoryById: byId(categories.map((r) => r.record)),
        countries: new Set(placeList.map((p) => p.country)),
        sourceById: byId(sources),
        sourceByFile: new Map(sources.map((s) => [s.file, s])),
      };
      const extent: DataExtent | null = first[0]
        ? {
            first: { start: first[0].start, startMs: first[0].start_ms },
            last: { start: last[0].start, ...(last[0].end ? { end: last[0].end } : {}), endMs: last[0].end_ms },
          }
        : null;
      return {
        names,
        placeOrder: new Map(placeList.map((p, i) => [p.id, i])),
        vocabulary: {
          city: new Set(names.placeById.keys()),
          country: names.countries,
          category: new Set(names.categoryById.keys()),
          org: new Set(names.orgById.keys()),
          years: first[0] ? { first: first[0].start_year, last: last[0].end_year } : null,
        },
        extent,
        total: total[0].n,
        years: years.map((r) => r.year),
        documents,
        coverage: version[0].coverage,
        tours: version[0].tours,
      };
    }

    function snapshotOf(versionId: string, version: string, header: VersionHeader): StoreSnapshot {
      const { names } = header;
      const dataSpan = header.extent ? { startMs: header.extent.first.startMs, endMs: header.extent.last.endMs + 1 } : undefined;
      const scope = (params: Params) => `dataset = ${params.add(dataset)} AND version = ${params.add(versionId)}`;

      // A search resolved by the word lists (read once per version), its events found in SQL.
      const searchOf = async (q: Query): Promise<SearchMatch | null> =>
        q.q.trim() ? resolveSearch(await searchWords(versionId, () => readSearchWords(query, dataset, versionId)), q.q, names) : null;

      /** A statement over the query's matching events (leaving out one filter): its WHERE and parameters. */
      async function matching(q: Query, without?: FilterKey) {
        const search = await searchOf(q);
        const params = new Params();
        const version = scope(params);
        return { params, where: whereClause(version, filterConditions(params, version, q, search, without)) };
      }

      async function count(q: Query): Promise<number> {
        const { params, where } = await matching(q);
        return (await query<{ n: number }>(`SELECT count(*)::int AS n FROM events ${where}`, params.values))[0].n;
      }

      async function page(q: Query, limit: number, after: StoredEvent | { startMs: number; endMs: number; id: string } | null, offset = 0) {
        const { params, where } = await matching(q);
        const keyset = after ? ` AND (${DATE_ORDER}) > (${params.add(after.startMs)}, ${params.add(after.endMs)}, ${params.add(after.id)})` : "";
        const rows = await query<EventRecordRow>(
          withRecords(
          `SELECT ${EVENT_KEY} FROM events ${where}${keyset} ORDER BY ${DATE_ORDER} LIMIT ${params.add(limit)} OFFSET ${params.add(offset)}`,
        ),
          params.values,
        );
        return rows.map(storedEvent);
      }

      async function countsBy(q: Query, key: ListKey): Promise<Map<string, number>> {
        const { params, where } = await matching(q, key);
        const value = { city: "place", country: "country", category: "category", org: "unnest(organizations)" }[key];
        const rows = await query<{ value: string | null; n: number }>(
          `SELECT ${value} AS value, count(*)::int AS n FROM events ${where} GROUP BY 1`,
          params.values,
        );
        return new Map(rows.flatMap((r) => (r.value === null ? [] : [[r.value, r.n] as const])));
      }

      async function perYear(q: Query, without?: FilterKey): Promise<Map<string, number>> {
        const { params, where } = await matching(q, without);
        const rows = await query<{ year: string; n: number }>(
          // Counted per span of years first (a few groups), then spread over the years each touches.
          `SELECT y::text AS year, sum(n)::int AS n
           FROM (SELECT start_year, end_year, count(*) AS n FROM events ${where} GROUP BY start_year, end_year) AS spans,
                generate_series(start_year, end_year) AS y
           GROUP BY y ORDER BY y`,
          params.values,
        );
        return new Map(rows.map((r) => [r.year, r.n]));
      }

      /**
       * The facets of a searched view in one statement: the search (which no facet leaves out) is
       * evaluated once, its events' columns kept (MATERIALIZED), and each facet counts them under the
       * view's other filters but its own, as `countsBy` and `perYear` do one statement each.
       */
      async function searchedFacets(q: Query, keys: ListKey[]): Promise<[Map<string, number>[], Map<string, number>]> {
        const search = await searchOf(q);
        const params = new Params();
        const version = scope(params);
        const conditions = filterConditions(params, version, q, search);
        const always = (["q", "unmapped"] as FilterKey[]).flatMap((key) => (conditions.has(key) ? [`(${conditions.get(key)})`] : []));
        const where = (without: FilterKey) => {
          const rest = [...conditions].filter(([key]) => key !== without && key !== "q" && key !== "unmapped").map(([, sql]) => `(${sql})`);
          return rest.length ? `WHERE ${rest.join(" AND ")}` : "";
        };
        const value = { city: "place", country: "country", category: "category", org: "unnest(organizations)" };
        const rows = await query<{ facet: string; value: string | null; n: number }>(
          `WITH found AS MATERIALIZED (
             SELECT place, country, category, organizations, start_ms, end_ms, start_year, end_year FROM events
             WHERE ${[version, ...always].join(" AND ")})
           ${keys.map((key) => `SELECT '${key}' AS facet, ${value[key]} AS value, count(*)::int AS n FROM found ${where(key)} GROUP BY 2`).join("\n UNION ALL ")}
           UNION ALL
           SELECT 'year', y::text, sum(n)::int
           FROM (SELECT start_year, end_year, count(*) AS n FROM found ${where("time")} GROUP BY 1, 2) AS spans, generate_series(start_year, end_year) AS y
           GROUP BY 2`,
          params.values,
        );
        const of = (facet: string) =>
          new Map(rows.flatMap((r) => (r.facet === facet && r.value !== null ? [[r.value, r.n] as const] : [])));
        return [keys.map(of), new Map([...of("year")].sort(([a], [b]) => Number(a) - Number(b)))];
      }

      return {
        version,
        total: header.total,
        vocabulary: header.vocabulary,
        names,
        extent: header.extent,
        tours: async () => header.tours,
        count,
        rows: async (q, { lang, limit, after, offset = 0 }): Promise<RowsPage> => {
          // One row more than asked says whether the list goes on.
          const found = await page(q, limit + 1, after ? decodeCursor(after) : null, after ? 0 : offset);
          const shown = found.slice(0, limit);
          const next = found.length > limit && shown.length > 0 ? encodeCursor(shown[shown.length - 1]) : null;
          return { rows: shown.map((e) => eventRow(e, names, lang)), next };
        },
        facets: async (q): Promise<FacetCounts> => {
          const keys: ListKey[] = ["category", "city", "country", "org"];
          const [counts, years] = q.q.trim()
            ? await searchedFacets(q, keys)
            : await Promise.all([Promise.all(keys.map((key) => countsBy(q, key))), perYear(q, "time")]);
          const byKey = new Map(keys.map((key, i) => [key, counts[i]]));
          return { facets: facetsFromCounts(names, q, (key) => byKey.get(key)!), years: yearOptionsFromCounts(header.years, years, q) };
        },
        pins: async (q): Promise<Pins> => {
          const { params, where } = await matching(q);
          const rows = await query<{ place: string | null; n: number; inferred: number }>(
            `SELECT place, count(*)::int AS n, (count(*) FILTER (WHERE place_inferred))::int AS inferred FROM events ${where} GROUP BY place`,
            params.values,
          );
          const tally = emptyTally(names.places.length);
          for (const row of rows) {
            const at = row.place === null ? undefined : header.placeOrder.get(row.place);
            if (at === undefined) tally.unmapped += row.n;
            else {
              tally.counts[at] = row.n;
              tally.inferred[at] = row.inferred;
            }
          }
          return { points: pointsFromTally(tally, names.places), unmapped: tally.unmapped };
        },
        timeline: (q) => pgTimeline({ query, matching, names, dataSpan }, q),
        scrubIndex: async (q) => {
          // The columns of the events matching every filter but time, in date order; none above the limit.
          const { params, where } = await matching(q, "time");
          const rows = await query<{ start_ms: number; end_ms: number; place: string | null; place_inferred: boolean }>(
            `SELECT start_ms::float8 AS start_ms, end_ms::float8 AS end_ms, place, place_inferred FROM events ${where}
             ORDER BY ${DATE_ORDER} LIMIT ${params.add(SCRUB_LIMIT + 1)}`,
            params.values,
          );
          if (rows.length > SCRUB_LIMIT) return null;
          const events = rows.map((r) => ({
            startMs: r.start_ms,
            endMs: r.end_ms,
            place: r.place ?? undefined,
            placeCertainty: r.place_inferred ? ("inferred" as const) : undefined,
          }));
          return encodeScrubColumns(events, header);
        },
        yearCounts: (q) => perYear(q),
        event: async (id) => {
          const rows = await query<EventRecordRow>(withRecords(`SELECT ${EVENT_KEY} FROM events WHERE dataset = $1 AND version = $2 AND id = $3`), [
            dataset,
            versionId,
            id,
          ]);
          return rows[0] ? storedEvent(rows[0]) : null;
        },
        neighbours: async (q, id): Promise<Neighbours> => {
          const search = await searchOf(q);
          const params = new Params();
          const version = scope(params);
          const conditions = filterConditions(params, version, q, search);
          const where = whereClause(version, conditions);
          const at = `(${params.add(id)})`;
          // The event's own place in date order, and which filters it passes (those failing leave it out).
          const tests = [...conditions.values()].map((sql, i) => `(${sql}) AS f${i}`);
          const self = `(SELECT start_ms, end_ms, id${tests.length ? ", " + tests.join(", ") : ""} FROM events WHERE ${version} AND id = ${at})`;
          const [row] = await query<Record<string, unknown> & { position: number | null; matched: number; previous: string | null; next: string | null; found: boolean }>(
            `WITH e AS ${self}
             SELECT
               (SELECT count(*)::int FROM events ${where} AND (${DATE_ORDER}) <= (SELECT start_ms, end_ms, id FROM e)) AS position,
               (SELECT count(*)::int FROM events ${where}) AS matched,
               (SELECT id FROM events ${where} AND (${DATE_ORDER}) < (SELECT start_ms, end_ms, id FROM e) ORDER BY ${DATE_ORDER_DESC} LIMIT 1) AS previous,
               (SELECT id FROM events ${where} AND (${DATE_ORDER}) > (SELECT start_ms, end_ms, id FROM e) ORDER BY ${DATE_ORDER} LIMIT 1) AS next,
               EXISTS (SELECT 1 FROM e) AS found,
               e.*
             FROM (SELECT 1) AS one LEFT JOIN e ON true`,
            params.values,
          );
          if (!row.found) throw new RangeError(`No event ${id}`);
          const excluding = [...conditions.keys()].filter((_, i) => row[`f${i}`] !== true);
          const inside = excluding.length === 0;
          return { previous: row.previous, next: row.next, position: inside ? row.position : null, matched: row.matched, excluding };
        },
        suggest: async (q) => {
          if (!q.q) return null;
          const words = await searchWords(versionId, () => readSearchWords(query, dataset, versionId));
          // The titles and summaries of the first events (date order) with the word: how the data writes it.
          const eventTexts = async (word: string) => {
            const rows = await query<{ title: string; summary: string }>(
              `SELECT r.record->>'title' AS title, r.record->>'summary' AS summary
               FROM events JOIN event_search s USING (dataset, version, id) JOIN event_records r USING (dataset, version, id)
               WHERE dataset = $1 AND version = $2 AND s.words @> ARRAY[$3::text] ORDER BY ${DATE_ORDER} LIMIT 20`,
              [dataset, versionId, word],
            );
            return rows.flatMap((r) => [r.title, r.summary]);
          };
          const finds = async (candidate: string) => (await count({ ...q, q: candidate })) > 0;
          return suggestFrom(words, q.q, names, eventTexts, finds);
        },
        exportEvents: async function* (q) {
          // Keyset batches in date order: each a short statement on the pinned version, which no load changes.
          const BATCH = 2000;
          let after: StoredEvent | null = null;
          for (;;) {
            const batch = await page(q, BATCH, after);
            if (batch.length > 0) yield batch;
            if (batch.length < BATCH) return;
            after = batch[batch.length - 1];
          }
        },
        sourcesIndex: async () => ({
          coverage: header.coverage,
          withText: new Set(header.documents.flatMap((d) => (d.body === null ? [] : [d.record.file]))),
        }),
        source: async (id) => {
          const document = names.sourceById.get(id);
          const body = header.documents.find((d) => d.record.id === id)?.body;
          if (!document || body == null) return null;
          // The events citing the document, in date order: all a document's page shows of them.
          const citing = await query<{ record: StoredEvent }>(
            `SELECT r.record FROM events JOIN event_records r USING (dataset, version, id)
             WHERE dataset = $1 AND version = $2 AND r.record::jsonb->'sources' @> jsonb_build_array(jsonb_build_object('document', $3::text))
             ORDER BY ${DATE_ORDER}`,
            [dataset, versionId, document.file],
          );
          const sourceTexts = new Map([[document.file, body]]);
          return sourcePage({ sourceById: names.sourceById, sourceTexts, events: citing.map((r) => r.record) }, id);
        },
      };
    }

    return { published, readHeader, snapshotOf };
  }

  const primary = on(pool);
  const replicas = readPools.map(on);
  let turn = 0;

  /** The published version's snapshot, read from `db`. */
  async function open(db: ReturnType<typeof on>): Promise<StoreSnapshot> {
    const current = await db.published();
    if (!current) throw noVersion();
    const header = await headers(current.versionId, () => db.readHeader(current.versionId));
    return db.snapshotOf(current.versionId, current.version, header);
  }

  const noVersion = () =>
    new DatasetError(`the database (dataset "${dataset}")`, [
      { file: "(database)", record: dataset, field: "(version)", message: "no version is published yet: run npm run db:load -- <data folder>" },
    ]);

  return {
    kind: "postgres",
    // Each request reads one database: the replicas in turn, the primary when there are none or
    // the chosen one does not answer. A replica shows the versions it has replayed: its snapshot
    // reports the version it reads, whole (a load's transaction replays at once).
    snapshot: async () => {
      if (replicas.length === 0) return open(primary);
      try {
        return await open(replicas[turn++ % replicas.length]);
      } catch (error) {
        if (!(error instanceof StoreUnavailableError)) throw error;
        console.error(`${error.message} (a read replica): reading from the primary`);
        return open(primary);
      }
    },
    // The primary's published version: what the latest load made current.
    health: async (): Promise<StoreHealth> => {
      const current = await primary.published();
      return current ? { version: current.version, problems: [] } : { version: null, problems: noVersion().problems };
    },
  };
}

/** Connect and statement timeouts: a database that is down or stuck gives a 503 within seconds, never a hung request. */
export function pgPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, ...POOL_TIMEOUTS, max: 10 });
  // An idle client losing its connection (the database restarting) must not crash the process.
  pool.on("error", (error) => console.error(`PostgreSQL pool: ${error.message}`));
  return pool;
}
