import "server-only";
import type { Tour } from "../../tours/schema";
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import copyStreams from "pg-copy-streams";
import { indexDataset, searchTextOf, type Dataset } from "../dataset";
import { ownTextOf } from "./search";
import type { Event } from "../schema";
import type { DataProblem } from "../validate";
import { streamDatasetDir } from "../read-dataset";
import { eventsNamedBy, readTourFiles } from "../../tours/read-tours";
import { validateTours } from "../../tours/validate";
import { SEARCHED, wordsIn } from "../../search/search";
import { periodEnd, periodStart } from "../../core/time-window";
import { placeCertaintyOf } from "../../sources/certainty";
import { coverageCounter } from "../../sources/coverage";
import { byDate } from "../../core/date-order";
import { DATE_ORDER, versionName } from "./sql";

/** COPY's text format: `\N` for null, backslash escapes for the characters that end fields and rows. */
function copyField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "\\N";
  const text = String(value);
  // Most fields have nothing to escape: one test instead of four replacements.
  if (!/[\\\n\r\t]/.test(text)) return text;
  return text.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t");
}

/** A text[] literal with every element quoted (COPY then escapes the literal as any other field). */
const arrayLiteral = (items: readonly string[]) => `{${items.map((s) => `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(",")}}`;

const monthOf = (date: Date) => (date.getUTCFullYear() - 1970) * 12 + date.getUTCMonth();

const EVENT_COLUMNS =
  "dataset, version, id, start_date, end_date, start_ms, end_ms, start_year, end_year, start_month, end_month, place, country, place_inferred, category, organizations";

type Field = string | number | boolean | null | undefined;

/** COPY's lines in chunks of about 64 kB. */
async function* copyLines(rows: Iterable<Field[]> | AsyncIterable<Field[]>): AsyncGenerator<string> {
  let chunk = "";
  for await (const fields of rows) {
    chunk += fields.map(copyField).join("\t") + "\n";
    if (chunk.length > 1 << 16) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk) yield chunk;
}

/** An event with the span date order reads: a row is written with it, and the first-seen orders compare by it. */
type Spanned = { event: Event; id: string; startMs: number; endMs: number };
const spanned = (event: Event): Spanned => ({ event, id: event.id, startMs: periodStart(event.start), endMs: periodEnd(event.end ?? event.start) });

/** The words of places' or organizations' names, each with the ids that have it, in first-seen order. */
function namedWords<T extends { id: string }>(items: readonly T[], textsOf: (item: T) => (string | undefined)[]): Map<string, string[]> {
  const words = new Map<string, string[]>();
  for (const item of items) for (const word of new Set(wordsIn(textsOf(item)))) (words.get(word) ?? words.set(word, []).get(word)!).push(item.id);
  return words;
}

/** Each place's or organization's words, from the list of words with their ids. */
function wordsOf(list: Map<string, string[]>): Map<string, string[]> {
  const byId = new Map<string, string[]>();
  for (const [word, ids] of list) for (const id of ids) (byId.get(id) ?? byId.set(id, []).get(id)!).push(word);
  return byId;
}

/**
 * The search's rows (lib/search/search.ts `SEARCHED`, `wordsIn`), an event at a time: each event's
 * own words, its words with its place's and organizations' names, and its text; and the place and
 * organization word lists. The own words' list is counted in SQL from the staged rows (`OWN_WORDS`):
 * its size grows with the events.
 */
function searchIndexer(references: References) {
  const placeById = new Map(references.places.map((p) => [p.id, p]));
  const orgById = new Map(references.organizations.map((o) => [o.id, o]));
  const places = namedWords(references.places, SEARCHED.place);
  const orgs = namedWords(references.organizations, (o) => SEARCHED.org(o.id, o));
  const placeWords = wordsOf(places);
  const orgWords = wordsOf(orgs);
  return {
    /**
     * The event's own words in order, its words (one array: one GIN look-up answers a query word),
     * its search text, and the part of it that is the event's own (what the trigram index reads).
     */
    add(event: Event): [string, string, string, string] {
      const ownWords = new Set(wordsIn(SEARCHED.own(event)));
      const words = new Set([...ownWords, ...(placeWords.get(event.place ?? "") ?? []), ...event.organizations.flatMap((id) => orgWords.get(id) ?? [])]);
      const text = searchTextOf(event, event.place ? placeById.get(event.place) : undefined, event.organizations.map((id) => orgById.get(id)));
      return [arrayLiteral([...ownWords]), arrayLiteral([...words]), text, ownTextOf(event)];
    },
    nameRows(key: [string, string]): Field[][] {
      return [
        ...[...places].map(([word, ids], seen) => [...key, "place", seen, word, null, arrayLiteral(ids)]),
        ...[...orgs].map(([word, ids], seen) => [...key, "org", seen, word, null, arrayLiteral(ids)]),
      ];
    },
  };
}

/**
 * The events' own words with how many events have each, in the order the memory store inserts them
 * (SearchableMap.from, first seen in date order): by the earliest event in date order with the
 * word, then the word's place among that event's words (fewer than 100,000 words an event).
 */
const OWN_WORDS = `INSERT INTO search_words (dataset, version, list, seen, word, events, ids)
  SELECT $1, $2, 'own', (row_number() OVER (ORDER BY first) - 1)::int, word, events::int, NULL
  FROM (SELECT w.word, count(*) AS events, min(s.position * 100000 + w.at) AS first
        FROM (SELECT row_number() OVER (ORDER BY ${DATE_ORDER}) AS position, own_words FROM load_events) AS s,
             unnest(s.own_words) WITH ORDINALITY AS w(word, at)
        GROUP BY w.word) AS words`;

async function copy(client: pg.ClientBase, table: string, columns: string, rows: Iterable<Field[]> | AsyncIterable<Field[]>): Promise<void> {
  await pipeline(Readable.from(copyLines(rows)), client.query(copyStreams.from(`COPY ${table} (${columns}) FROM STDIN`)));
}

/** The files beside events.json, as validated: what a version holds whole. */
export type References = Pick<Dataset, "places" | "organizations" | "categories" | "sources">;

/** What a load is given: the events (validated, in any order) come last, one at a time. */
interface LoadInput {
  references: References;
  sourceTexts: ReadonlyMap<string, string>;
  events: AsyncIterable<Event> | Iterable<Event>;
  /** Once every event was read: the tours, checked, or the problems that refuse the whole load. */
  finish: () => Promise<{ tours: readonly Tour[]; problems: DataProblem[]; note?: string }>;
}

export type LoadResult =
  | { ok: true; version: string; versionId: string; events: number; phases: Phases }
  | { ok: false; problems: DataProblem[]; note: string; phases: Phases };

/** Where a load's time went, in seconds, in order. */
export type Phases = [string, number][];

/**
 * How long a replaced version's rows stay: longer than any request (exports included) and than a
 * replica's lag worth serving from.
 */
export const RETIRED_GRACE_SECONDS = 600;

/** The tables a version has of its own (partitions by version, migration 004). */
const PARTITIONED = ["events", "event_records", "event_search"] as const;
type Partitioned = (typeof PARTITIONED)[number];
export const tableOf = (table: Partitioned, version: string) => {
  if (!/^\d+$/.test(version)) throw new Error(`not a version id: ${version}`);
  return `${table}_v${version}`;
};

/** A new, empty table for `version`'s rows of `table`, with no index yet; its check lets ATTACH skip a scan. */
async function versionTable(client: pg.ClientBase, table: Partitioned, version: string): Promise<string> {
  const name = tableOf(table, version);
  await client.query(`CREATE TABLE ${name} (LIKE ${table} INCLUDING DEFAULTS, CHECK (version = ${version}))`);
  return name;
}

/**
 * Builds on the version's table the indexes its parent has (as migration 004 defines them, read from
 * the catalog: one definition), its primary key, then attaches it as the version's partition. Built
 * once over all rows, they cost a fraction of index updates row by row.
 */
async function indexAndAttach(client: pg.ClientBase, table: Partitioned, version: string): Promise<void> {
  const name = tableOf(table, version);
  const { rows } = await client.query<{ index: string; definition: string; primary: boolean }>(
    `SELECT c.relname AS index, pg_get_indexdef(i.indexrelid) AS definition, i.indisprimary AS primary
     FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = $1::regclass`,
    [table],
  );
  for (const { index, definition, primary } of rows) {
    const own = `${name}_${index.slice(table.length + 1)}`;
    const sql = definition.replace(/^CREATE (UNIQUE )?INDEX \S+ ON ONLY \S+ /, (_, unique = "") => `CREATE ${unique}INDEX ${own} ON ${name} `);
    if (sql === definition) throw new Error(`unexpected index definition: ${definition}`);
    await client.query(sql);
    if (primary) await client.query(`ALTER TABLE ${name} ADD CONSTRAINT ${own} PRIMARY KEY USING INDEX ${own}`);
  }
  await client.query(`ALTER TABLE ${table} ATTACH PARTITION ${name} FOR VALUES IN (${version})`);
}

/**
 * Deletes versions of a dataset: their tables emptied at once (TRUNCATE, not row by row), then their
 * rows in dataset_versions and the tables that cascade from it. The emptied tables are dropped later
 * (`dropGoneVersions`), outside a load's transaction.
 */
export async function deleteVersions(client: pg.ClientBase, dataset: string, versions: readonly string[]): Promise<void> {
  if (versions.length === 0) return;
  const { rows } = await client.query<{ name: string }>(
    "SELECT c.relname AS name FROM pg_class c WHERE c.relname = ANY($1)",
    [versions.flatMap((v) => PARTITIONED.map((table) => tableOf(table, v)))],
  );
  if (rows.length > 0) await client.query(`TRUNCATE ${rows.map((r) => r.name).join(", ")}`);
  await client.query("DELETE FROM dataset_versions WHERE dataset = $1 AND version = ANY($2::bigint[])", [dataset, versions]);
}

/**
 * Drops the tables of versions no longer in dataset_versions (deleted by a load, or by hand: their
 * rows went with them, their empty tables stay). After the load's commit, each in a short
 * transaction that waits for its lock at most a moment: dropping a partition locks its parent
 * against readers, so it is left to the next load rather than kept waiting behind a long read.
 */
export async function dropGoneVersions(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = ANY($1::regclass[])
       AND NOT EXISTS (SELECT 1 FROM dataset_versions v WHERE c.relname ~ ('_v' || v.version || '$'))`,
    [PARTITIONED],
  );
  const dropped: string[] = [];
  for (const { name } of rows) {
    try {
      await client.query("BEGIN");
      await client.query("SET LOCAL lock_timeout = '2s'");
      await client.query(`DROP TABLE ${name}`);
      await client.query("COMMIT");
      dropped.push(name);
    } catch {
      await client.query("ROLLBACK").catch(() => {});
    }
  }
  return dropped;
}

/** The staging table's columns: the events' own, then event_records' and event_search's. */
const STAGED_COLUMNS = `${EVENT_COLUMNS.replace("dataset, version, ", "")}, record, own_words, words, search_text, own_text`;

/**
 * Writes a new version of `datasetKey` and publishes it, all in one transaction: readers see the old
 * version or the new one, never a mix, and a load that fails, is refused or is killed halfway leaves
 * the published version as it was. The events are read once, as they come (a stream of any length):
 * each is copied into a staging table, then the version's tables are filled from it in date order,
 * so that pages in date order read neighbouring rows. The replaced version is retired, not deleted:
 * versions are deleted once retired for longer than RETIRED_GRACE, so that a request pinned to one
 * finishes on its own rows — on the primary however many loads publish meanwhile, and on a replica
 * that replays several publishes at once when it catches up.
 */
async function loadVersion(client: pg.ClientBase, datasetKey: string, input: LoadInput): Promise<LoadResult> {
  const phases: Phases = [];
  let clock = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    phases.push([name, (now - clock) / 1000]);
    clock = now;
  };
  const { references, sourceTexts } = input;
  await client.query("BEGIN");
  try {
    // One load per dataset at a time.
    await client.query("SELECT pg_advisory_xact_lock(hashtext('load:' || $1))", [datasetKey]);
    // The staging table's sort and the index builds: this session may use more memory than a request.
    await client.query("SET LOCAL maintenance_work_mem = '512MB'");
    await client.query("SET LOCAL work_mem = '256MB'");
    const { rows } = await client.query<{ version: string }>(
      "INSERT INTO dataset_versions (dataset, content_hash, coverage) VALUES ($1, '', 'null') RETURNING version::text",
      [datasetKey],
    );
    const version = rows[0].version;
    const key: [string, string] = [datasetKey, version];

    // The reference tables are small (they grow with the vocabulary): one statement each, from JSON.
    const refs = (items: readonly { id: string }[]) => JSON.stringify(items.map((record, position) => ({ position, id: record.id, record })));
    await client.query(
      `INSERT INTO places (dataset, version, position, id, country, location, record)
       SELECT $1, $2, (r->>'position')::int, r->>'id', r->'record'->>'country',
              ST_SetSRID(ST_MakePoint((r->'record'->>'lon')::float8, (r->'record'->>'lat')::float8), 4326)::geography, r->'record'
       FROM json_array_elements($3::json) AS r`,
      [...key, refs(references.places)],
    );
    for (const table of ["organizations", "categories"] as const) {
      await client.query(
        `INSERT INTO ${table} (dataset, version, position, id, record)
         SELECT $1, $2, (r->>'position')::int, r->>'id', r->'record' FROM json_array_elements($3::json) AS r`,
        [...key, refs(references[table])],
      );
    }
    const documents = (references.sources ?? []).map((record, position) => ({ position, id: record.id, record, body: sourceTexts.get(record.file) ?? null }));
    await client.query(
      `INSERT INTO source_documents (dataset, version, position, id, file, record, body)
       SELECT $1, $2, (r->>'position')::int, r->>'id', r->'record'->>'file', r->'record', r->>'body' FROM json_array_elements($3::json) AS r`,
      [...key, JSON.stringify(documents)],
    );

    // The events, read once: each becomes one staging row; the coverage, the content's hash and the
    // search's word lists are counted on the way.
    await client.query(`CREATE TEMP TABLE load_events (
      id text COLLATE "C", start_date text, end_date text, start_ms bigint, end_ms bigint, start_year integer, end_year integer,
      start_month integer, end_month integer, place text, country text, place_inferred boolean, category text, organizations text[],
      record json, own_words text[], words text[], search_text text, own_text text) ON COMMIT DROP`);
    const countryOf = new Map(references.places.map((p) => [p.id, p.country]));
    const coverage = coverageCounter(references.sources);
    const search = searchIndexer(references);
    const hash = createHash("sha256");
    let count = 0;
    async function* stagedRows(): AsyncGenerator<Field[]> {
      for await (const event of input.events) {
        const row = spanned(event);
        const start = new Date(row.startMs);
        const end = new Date(row.endMs);
        const record = JSON.stringify(event satisfies Event);
        hash.update(record).update("\n");
        coverage.add({ startYear: start.getUTCFullYear(), endYear: end.getUTCFullYear(), place: event.place, sources: event.sources }, row);
        count++;
        yield [
          event.id,
          event.start,
          event.end ?? null,
          row.startMs,
          row.endMs,
          start.getUTCFullYear(),
          end.getUTCFullYear(),
          monthOf(start),
          monthOf(end),
          event.place ?? null,
          event.place ? (countryOf.get(event.place) ?? null) : null,
          placeCertaintyOf(event) === "inferred",
          event.category,
          arrayLiteral(event.organizations),
          record,
          ...search.add(event),
        ];
      }
    }
    await copy(client, "load_events", STAGED_COLUMNS, stagedRows());
    phase("read, check and copy the events");
    const { tours, problems, note = "" } = await input.finish();
    if (problems.length > 0) {
      await client.query("ROLLBACK");
      return { ok: false, problems, note, phases };
    }

    // Each table's rows in a table of the version's own, indexed once they are in, then attached.
    const staged = (columns: string) => `SELECT $1, $2::bigint, ${columns} FROM load_events`;
    const events = await versionTable(client, "events", version);
    await client.query(`INSERT INTO ${events} (${EVENT_COLUMNS}) ${staged(EVENT_COLUMNS.replace("dataset, version, ", ""))} ORDER BY ${DATE_ORDER}`, key);
    phase("events (date order)");
    const records = await versionTable(client, "event_records", version);
    await client.query(`INSERT INTO ${records} (dataset, version, id, record) ${staged("id, record")}`, key);
    phase("event_records");
    const searched = await versionTable(client, "event_search", version);
    await client.query(`INSERT INTO ${searched} (dataset, version, id, words, search_text, own_text) ${staged("id, words, search_text, own_text")}`, key);
    phase("event_search");
    for (const table of PARTITIONED) {
      await indexAndAttach(client, table, version);
      phase(`${table}: indexes`);
    }
    await client.query(OWN_WORDS, key);
    await copy(client, "search_words", "dataset, version, list, seen, word, events, ids", search.nameRows(key));
    phase("search_words");
    await client.query(
      `INSERT INTO event_months (dataset, version, month, category, events)
       SELECT $1, $2, m, category, count(*) FROM load_events, generate_series(start_month, end_month) AS m GROUP BY m, category`,
      key,
    );
    phase("event_months");

    // What identifies the content: the same folder loaded twice has the same hash (not the same version id).
    hash.update(JSON.stringify(references)).update(JSON.stringify(tours));
    for (const [file, text] of [...sourceTexts].sort(([a], [b]) => (a < b ? -1 : 1))) hash.update(`\0${file}\0${text}`);
    const contentHash = hash.digest("hex").slice(0, 12);
    await client.query("UPDATE dataset_versions SET content_hash = $3, coverage = $4, tours = $5 WHERE dataset = $1 AND version = $2", [
      ...key,
      contentHash,
      JSON.stringify(coverage.result()),
      JSON.stringify(tours),
    ]);

    // Statistics for the new rows before anyone reads them (autovacuum would take a while).
    // The version's own tables only: ANALYZE of a parent samples every version's.
    await client.query(`ANALYZE ${PARTITIONED.map((table) => tableOf(table, version)).join(", ")}, search_words, event_months`);
    phase("analyze");

    const replaced = await client.query<{ version: string }>("SELECT version::text FROM published WHERE dataset = $1 FOR UPDATE", [datasetKey]);
    await client.query(
      `INSERT INTO published (dataset, version) VALUES ($1, $2)
       ON CONFLICT (dataset) DO UPDATE SET version = EXCLUDED.version, published_at = now()`,
      key,
    );
    await client.query("UPDATE dataset_versions SET retired_at = now() WHERE dataset = $1 AND version = ANY($2::bigint[])", [
      datasetKey,
      replaced.rows.map((r) => r.version),
    ]);
    // Versions that never got published (none should exist: a failed load rolls back) count as retired.
    const { rows: gone } = await client.query<{ version: string }>(
      `SELECT version::text FROM dataset_versions WHERE dataset = $1 AND version <> $2
         AND coalesce(retired_at, loaded_at) < now() - make_interval(secs => $3)`,
      [...key, RETIRED_GRACE_SECONDS],
    );
    await deleteVersions(client, datasetKey, gone.map((r) => r.version));
    phase("retired versions deleted");
    await client.query("COMMIT");
    phase("commit");
    return { ok: true, version: versionName(version, contentHash), versionId: version, events: count, phases };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

/** Loads a validated dataset held in memory (tests, and small imports) as a new version, and publishes it. */
export async function loadAndPublish(
  client: pg.ClientBase,
  datasetKey: string,
  dataset: Dataset,
  sourceTexts: ReadonlyMap<string, string>,
  tours: readonly Tour[] = [],
): Promise<{ version: string; events: number }> {
  const { events, ...references } = dataset;
  const loaded = await loadVersion(client, datasetKey, { references, sourceTexts, events, finish: async () => ({ tours, problems: [] }) });
  if (!loaded.ok) throw new Error("unreachable: a validated dataset has no problems");
  await dropGoneVersions(client);
  return loaded;
}

/**
 * Loads a data folder as a new version and publishes it, validating it as check:data does while
 * events.json is streamed (lib/data/read-dataset.ts `streamDatasetDir`): a problem anywhere refuses
 * the whole load (its transaction is rolled back, nothing is published). Memory stays bounded
 * whatever the number of events: the ids (for duplicates), the search's distinct words, and the
 * events the folder's tours name.
 */
export async function loadFolder(client: pg.ClientBase, datasetKey: string, dir: string): Promise<LoadResult> {
  const folder = await streamDatasetDir(dir);
  const tourFiles = await readTourFiles(dir);
  const named = eventsNamedBy(tourFiles.files);
  // The events a tour check reads: those the tours name, and the data's first and last years.
  const kept = new Map<string, Event>();
  let first: Spanned | null = null;
  let lastYear: { event: Event; year: number } | null = null;
  async function* events(): AsyncGenerator<Event> {
    for await (const event of folder.events()) {
      if (named.has(event.id)) kept.set(event.id, event);
      if (tourFiles.files.length > 0) {
        const row = spanned(event);
        if (!first || byDate(row, first) < 0) first = row;
        const year = new Date(row.endMs).getUTCFullYear();
        if (!lastYear || year > lastYear.year) lastYear = { event, year };
      }
      yield event;
    }
  }
  const finish = async () => {
    const problems = folder.problems();
    if (problems.length > 0) return { tours: [], problems, note: " (tours are checked once these are fixed)" };
    if (tourFiles.files.length === 0) return { tours: [], problems: tourFiles.problems };
    for (const event of [first?.event, lastYear?.event]) if (event) kept.set(event.id, event);
    const dataset: Dataset = { ...folder.references, events: [...kept.values()] };
    const checked = validateTours(tourFiles.files, indexDataset(dataset, folder.sourceTexts));
    return { tours: checked.tours, problems: [...tourFiles.problems, ...checked.problems] };
  };
  return loadVersion(client, datasetKey, { references: folder.references, sourceTexts: folder.sourceTexts, events: events(), finish });
}
