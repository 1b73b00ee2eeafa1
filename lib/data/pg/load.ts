import "server-only";
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import copyStreams from "pg-copy-streams";
import type { Dataset } from "../dataset";
import type { Event } from "../schema";
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
  "dataset, version, id, start_ms, end_ms, start_year, end_year, start_month, end_month, place, country, place_inferred, category, organizations, record";

/** One COPY line per event, with the columns filters and date order read (as `indexDataset` computes them). */
function* eventLines(datasetKey: string, version: string, dataset: Dataset): Generator<string> {
  const countryOf = new Map(dataset.places.map((p) => [p.id, p.country]));
  let chunk = "";
  for (const event of dataset.events) {
    const startMs = periodStart(event.start);
    const endMs = periodEnd(event.end ?? event.start);
    const start = new Date(startMs);
    const end = new Date(endMs);
    const fields = [
      datasetKey,
      version,
      event.id,
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
      JSON.stringify(event satisfies Event),
    ];
    chunk += fields.map(copyField).join("\t") + "\n";
    if (chunk.length > 1 << 16) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk) yield chunk;
}

/** The dataset's coverage, counted as the memory store counts it (events in date order). */
function coverage(dataset: Dataset) {
  const events = dataset.events
    .map((e) => {
      const startMs = periodStart(e.start);
      const endMs = periodEnd(e.end ?? e.start);
      const startYear = new Date(startMs).getUTCFullYear();
      const endYear = new Date(endMs).getUTCFullYear();
      return { id: e.id, startMs, endMs, startYear, endYear, place: e.place, sources: e.sources };
    })
    .sort(byDate);
  return coverageOf({ events, dataset });
}

/** What identifies a load's content: the same folder loaded twice has the same hash (not the same version id). */
function contentHash(dataset: Dataset, sourceTexts: ReadonlyMap<string, string>): string {
  const hash = createHash("sha256").update(JSON.stringify(dataset));
  for (const [file, text] of [...sourceTexts].sort(([a], [b]) => (a < b ? -1 : 1))) hash.update(`\0${file}\0${text}`);
  return hash.digest("hex").slice(0, 12);
}

/**
 * Loads a validated dataset as a new version of `datasetKey` and publishes it, all in one
 * transaction: readers see the old version or the new one, never a mix, and a load that fails or is
 * killed halfway leaves the published version as it was. Versions older than the one replaced are
 * deleted (a reader still pinned to the replaced one finishes its request).
 */
export async function loadAndPublish(
  client: pg.ClientBase,
  datasetKey: string,
  dataset: Dataset,
  sourceTexts: ReadonlyMap<string, string>,
): Promise<{ version: string; events: number }> {
  await client.query("BEGIN");
  try {
    // One load per dataset at a time.
    await client.query("SELECT pg_advisory_xact_lock(hashtext('load:' || $1))", [datasetKey]);
    const hash = contentHash(dataset, sourceTexts);
    const { rows } = await client.query<{ version: string }>(
      "INSERT INTO dataset_versions (dataset, content_hash, coverage) VALUES ($1, $2, $3) RETURNING version::text",
      [datasetKey, hash, JSON.stringify(coverage(dataset))],
    );
    const version = rows[0].version;
    const key = [datasetKey, version];

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

    const copy = client.query(copyStreams.from(`COPY events (${EVENT_COLUMNS}) FROM STDIN`));
    await pipeline(Readable.from(eventLines(datasetKey, version, dataset)), copy);

    await client.query(
      `INSERT INTO event_months (dataset, version, month, category, events)
       SELECT dataset, version, m, category, count(*) FROM events, generate_series(start_month, end_month) AS m
       WHERE dataset = $1 AND version = $2 GROUP BY dataset, version, m, category`,
      key,
    );

    const replaced = await client.query<{ version: string }>("SELECT version::text FROM published WHERE dataset = $1 FOR UPDATE", [datasetKey]);
    await client.query(
      `INSERT INTO published (dataset, version) VALUES ($1, $2)
       ON CONFLICT (dataset) DO UPDATE SET version = EXCLUDED.version, published_at = now()`,
      key,
    );
    const keep = [version, ...replaced.rows.map((r) => r.version)];
    await client.query("DELETE FROM dataset_versions WHERE dataset = $1 AND NOT (version = ANY($2::bigint[]))", [datasetKey, keep]);
    await client.query("COMMIT");
    return { version: versionName(version, hash), events: dataset.events.length };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}
