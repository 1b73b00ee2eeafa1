import "server-only";
import type { Tour } from "../../tours/schema";
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import copyStreams from "pg-copy-streams";
import type { Dataset } from "../dataset";
import type { Event } from "../schema";
import { searchTextOf } from "../dataset";
import { SEARCHED, wordsIn } from "../../search/search";
import { periodEnd, periodStart } from "../../core/time-window";
import { placeCertaintyOf } from "../../sources/certainty";
import { coverageOf } from "../../sources/coverage";
import { byDate } from "../../core/date-order";
import { versionName } from "./sql";

/** COPY's text format: `\N` for null, backslash escapes for the characters that end fields and rows. */
function copyField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "\\N";
  return String(value).replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t");
}

/** A text[] literal with every element quoted (COPY then escapes the literal as any other field). */
const arrayLiteral = (items: readonly string[]) => `{${items.map((s) => `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(",")}}`;

const monthOf = (date: Date) => (date.getUTCFullYear() - 1970) * 12 + date.getUTCMonth();

const EVENT_COLUMNS =
  "dataset, version, id, start_date, end_date, start_ms, end_ms, start_year, end_year, start_month, end_month, place, country, place_inferred, category, organizations";

type Field = string | number | boolean | null | undefined;

/** COPY's lines in chunks of about 64 kB. */
function* copyLines(rows: Iterable<Field[]>): Generator<string> {
  let chunk = "";
  for (const fields of rows) {
    chunk += fields.map(copyField).join("\t") + "\n";
    if (chunk.length > 1 << 16) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk) yield chunk;
}

/** The events with their spans, in date order: the order rows are written in, so that pages in date order read neighbouring rows. */
function inDateOrder(dataset: Dataset) {
  return dataset.events
    .map((event) => ({ event, id: event.id, startMs: periodStart(event.start), endMs: periodEnd(event.end ?? event.start) }))
    .sort(byDate);
}

/** One row per event, with the columns filters and date order read (as `indexDataset` computes them). */
function* eventRows(key: [string, string], events: ReturnType<typeof inDateOrder>, dataset: Dataset): Generator<Field[]> {
  const countryOf = new Map(dataset.places.map((p) => [p.id, p.country]));
  for (const { event, startMs, endMs } of events) {
    const start = new Date(startMs);
    const end = new Date(endMs);
    yield [
      ...key,
      event.id,
      event.start,
      event.end ?? null,
      startMs,
      endMs,
      start.getUTCFullYear(),
      end.getUTCFullYear(),
      monthOf(start),
      monthOf(end),
      event.place ?? null,
      event.place ? (countryOf.get(event.place) ?? null) : null,
      placeCertaintyOf(event) === "inferred",
      event.category,
      arrayLiteral(event.organizations),
    ];
  }
}

/** First seen, in order: what SearchableMap.from(lists) inserts the memory store's words in. */
interface WordList<T> {
  words: Map<string, T>;
  add(word: string, make: () => T): T;
}
function wordList<T>(): WordList<T> {
  const words = new Map<string, T>();
  return {
    words,
    add: (word, make) => {
      let found = words.get(word);
      if (found === undefined) words.set(word, (found = make()));
      return found;
    },
  };
}

/** The words of places' or organizations' names, each with the ids that have it. */
function namedWords<T extends { id: string }>(items: readonly T[], textsOf: (item: T) => (string | undefined)[]): WordList<string[]> {
  const list = wordList<string[]>();
  for (const item of items) for (const word of new Set(wordsIn(textsOf(item)))) list.add(word, () => []).push(item.id);
  return list;
}

/**
 * The search's tables, from the words the memory store indexes (lib/search/search.ts `SEARCHED`,
 * `wordsIn`): each event's own words and text, and the three word lists in first-seen order.
 */
function searchRows(key: [string, string], events: ReturnType<typeof inDateOrder>, dataset: Dataset) {
  const placeById = new Map(dataset.places.map((p) => [p.id, p]));
  const orgById = new Map(dataset.organizations.map((o) => [o.id, o]));
  const places = namedWords(dataset.places, SEARCHED.place);
  const orgs = namedWords(dataset.organizations, (o) => SEARCHED.org(o.id, o));
  const placeWords = wordsOf(places);
  const orgWords = wordsOf(orgs);
  const own = wordList<{ events: number }>();
  const eventRows: Field[][] = events.map(({ event }) => {
    const ownWords = new Set(wordsIn(SEARCHED.own(event)));
    for (const word of ownWords) own.add(word, () => ({ events: 0 })).events++;
    // A query word matches one of the event's own words or one of its place's or organizations'
    // names: one array holds all three, so that one GIN look-up answers it.
    const words = new Set([...ownWords, ...(placeWords.get(event.place ?? "") ?? []), ...event.organizations.flatMap((id) => orgWords.get(id) ?? [])]);
    const text = searchTextOf(event, event.place ? placeById.get(event.place) : undefined, event.organizations.map((id) => orgById.get(id)));
    return [...key, event.id, arrayLiteral([...words]), text];
  });
  const wordRows: Field[][] = [
    ...[...own.words].map(([word, { events }], seen) => [...key, "own", seen, word, events, null]),
    ...[...places.words].map(([word, ids], seen) => [...key, "place", seen, word, null, arrayLiteral(ids)]),
    ...[...orgs.words].map(([word, ids], seen) => [...key, "org", seen, word, null, arrayLiteral(ids)]),
  ];
  return { eventRows, wordRows };
}

/** Each place's or organization's words, from the list of words with their ids. */
function wordsOf(list: WordList<string[]>): Map<string, string[]> {
  const byId = new Map<string, string[]>();
  for (const [word, ids] of list.words) for (const id of ids) (byId.get(id) ?? byId.set(id, []).get(id)!).push(word);
  return byId;
}

async function copy(client: pg.ClientBase, table: string, columns: string, rows: Iterable<Field[]>): Promise<void> {
  await pipeline(Readable.from(copyLines(rows)), client.query(copyStreams.from(`COPY ${table} (${columns}) FROM STDIN`)));
}

/** The dataset's coverage, counted as the memory store counts it (events in date order). */
function coverage(events: ReturnType<typeof inDateOrder>, dataset: Dataset) {
  const covered = events.map(({ event, startMs, endMs }) => ({
    startYear: new Date(startMs).getUTCFullYear(),
    endYear: new Date(endMs).getUTCFullYear(),
    place: event.place,
    sources: event.sources,
  }));
  return coverageOf({ events: covered, dataset });
}

/** What identifies a load's content: the same folder loaded twice has the same hash (not the same version id). */
function contentHash(dataset: Dataset, sourceTexts: ReadonlyMap<string, string>, tours: readonly Tour[]): string {
  const hash = createHash("sha256").update(JSON.stringify(dataset)).update(JSON.stringify(tours));
  for (const [file, text] of [...sourceTexts].sort(([a], [b]) => (a < b ? -1 : 1))) hash.update(`\0${file}\0${text}`);
  return hash.digest("hex").slice(0, 12);
}

/**
 * How long a replaced version's rows stay: longer than any request (exports included) and than a
 * replica's lag worth serving from.
 */
export const RETIRED_GRACE_SECONDS = 600;

/**
 * Loads a validated dataset as a new version of `datasetKey` and publishes it, all in one
 * transaction: readers see the old version or the new one, never a mix, and a load that fails or is
 * killed halfway leaves the published version as it was. The replaced version is retired, not
 * deleted: versions are deleted once retired for longer than RETIRED_GRACE, so that a request pinned
 * to one finishes on its own rows — on the primary however many loads publish meanwhile, and on a
 * replica that replays several publishes at once when it catches up.
 */
export async function loadAndPublish(
  client: pg.ClientBase,
  datasetKey: string,
  dataset: Dataset,
  sourceTexts: ReadonlyMap<string, string>,
  tours: readonly Tour[] = [],
): Promise<{ version: string; events: number }> {
  await client.query("BEGIN");
  try {
    // One load per dataset at a time.
    await client.query("SELECT pg_advisory_xact_lock(hashtext('load:' || $1))", [datasetKey]);
    const hash = contentHash(dataset, sourceTexts, tours);
    const events = inDateOrder(dataset);
    const { rows } = await client.query<{ version: string }>(
      "INSERT INTO dataset_versions (dataset, content_hash, coverage, tours) VALUES ($1, $2, $3, $4) RETURNING version::text",
      [datasetKey, hash, JSON.stringify(coverage(events, dataset)), JSON.stringify(tours)],
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
      [...key, refs(dataset.places)],
    );
    for (const table of ["organizations", "categories"] as const) {
      const items = table === "organizations" ? dataset.organizations : dataset.categories;
      await client.query(
        `INSERT INTO ${table} (dataset, version, position, id, record)
         SELECT $1, $2, (r->>'position')::int, r->>'id', r->'record' FROM json_array_elements($3::json) AS r`,
        [...key, refs(items)],
      );
    }
    const documents = (dataset.sources ?? []).map((record, position) => ({ position, id: record.id, record, body: sourceTexts.get(record.file) ?? null }));
    await client.query(
      `INSERT INTO source_documents (dataset, version, position, id, file, record, body)
       SELECT $1, $2, (r->>'position')::int, r->>'id', r->'record'->>'file', r->'record', r->>'body' FROM json_array_elements($3::json) AS r`,
      [...key, JSON.stringify(documents)],
    );

    await copy(client, "events", EVENT_COLUMNS, eventRows([datasetKey, version], events, dataset));
    await copy(
      client,
      "event_records",
      "dataset, version, id, record",
      events.map(({ event }) => [datasetKey, version, event.id, JSON.stringify(event satisfies Event)]),
    );

    const search = searchRows(key, events, dataset);
    await copy(client, "event_search", "dataset, version, id, words, search_text", search.eventRows);
    await copy(client, "search_words", "dataset, version, list, seen, word, events, ids", search.wordRows);

    await client.query(
      `INSERT INTO event_months (dataset, version, month, category, events)
       SELECT dataset, version, m, category, count(*) FROM events, generate_series(start_month, end_month) AS m
       WHERE dataset = $1 AND version = $2 GROUP BY dataset, version, m, category`,
      key,
    );

    // Statistics for the new rows before anyone reads them (autovacuum would take a while).
    await client.query("ANALYZE events, event_records, event_search, search_words, event_months");

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
    await client.query(
      `DELETE FROM dataset_versions WHERE dataset = $1 AND version <> $2
         AND coalesce(retired_at, loaded_at) < now() - make_interval(secs => $3)`,
      [...key, RETIRED_GRACE_SECONDS],
    );
    await client.query("COMMIT");
    return { version: versionName(version, hash), events: dataset.events.length };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}
