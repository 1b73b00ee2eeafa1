import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "./pg/migrate";
import { loadAndPublish } from "./pg/load";
import { pgPool, pgStore } from "./pg/pg-store";
import { readDatasetDir } from "./read-dataset";
import { readTours } from "../tours/read-tours";
import { indexDataset } from "./dataset";
import { memorySnapshot } from "./memory-store";
import type { StoreSnapshot } from "./store";
import { EMPTY_QUERY, TIMELINE_GROUPINGS, type Query } from "../query/query";
import { syntheticDataset } from "../../scripts/synthetic-data";

// PostgreSQL against memory on the bundled dataset: random views of the real data (filters,
// searches in both languages, groupings) must get the same answers, whole, from both stores. Runs
// when TEST_DATABASE_URL (or DATABASE_URL) is set, as store.pg.test.ts. Generous timeouts: under
// \`npm test\` these share two cores with the linter and the type checker.
const url = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;

async function all(snapshot: StoreSnapshot, query: Query): Promise<string[]> {
  const ids: string[] = [];
  for await (const batch of snapshot.exportEvents(query)) ids.push(...batch.map((e) => e.id));
  return ids;
}

describe.skipIf(!url)("PostgreSQL gives memory's answers on the bundled dataset", () => {
  const pool = url ? pgPool(url) : null!;
  const key = `parity-${process.pid}-${Date.now()}`;
  let memory: StoreSnapshot;
  let postgres: StoreSnapshot;

  beforeAll(async () => {
    const { dataset, sourceTexts } = await readDatasetDir("data");
    if (!dataset) throw new Error("data/ does not validate");
    const { tours } = await readTours("data", dataset, sourceTexts);
    memory = memorySnapshot(indexDataset(dataset, sourceTexts), "memory", tours);
    const client = await pool.connect();
    try {
      await migrate(client);
      await loadAndPublish(client, key, dataset, sourceTexts, tours);
    } finally {
      client.release();
    }
    postgres = await pgStore({ pool, dataset: key }).snapshot();
  }, 60_000);

  afterAll(async () => {
    await pool.query("DELETE FROM published WHERE dataset = $1", [key]);
    await pool.query("DELETE FROM dataset_versions WHERE dataset = $1", [key]);
    await pool.end();
  });

  it("holds the same names, vocabulary, extent and sources", async () => {
    expect(postgres.total).toBe(memory.total);
    expect(postgres.extent).toEqual({
      first: { start: memory.extent!.first.start, startMs: memory.extent!.first.startMs },
      last: { start: memory.extent!.last.start, ...(memory.extent!.last.end ? { end: memory.extent!.last.end } : {}), endMs: memory.extent!.last.endMs },
    });
    expect(postgres.vocabulary).toEqual(memory.vocabulary);
    expect(postgres.names.places).toEqual(memory.names.places);
    expect([...postgres.names.sourceById.keys()]).toEqual([...memory.names.sourceById.keys()]);
    expect(await postgres.sourcesIndex()).toEqual(await memory.sourcesIndex());
    expect((await postgres.tours()).map((t) => t.id)).toEqual(["ichei-shenzhen", "shanghai-iistem"]);
    expect(await postgres.tours()).toEqual(await memory.tours());
    for (const id of memory.names.sourceById.keys()) expect(await postgres.source(id)).toEqual(await memory.source(id));
  });

  it("answers random views as memory does", async () => {
    const some = <T>(items: readonly T[]) => fc.subarray([...items], { maxLength: 2 });
    const year = fc.option(fc.integer({ min: 2013, max: 2026 }).map(String), { nil: null });
    // Whole words, prefixes, typos, Chinese pairs and single characters, names of places and
    // organizations, phrases, and characters LIKE would read as patterns.
    const words = [
      ...["shanghai", "上海", "Shanghia", "Shangai", "shang", "STEM", "forum", "教育", "联合国", "教科文组织", "上", "会见"],
      ...["Giannini", "ichei", "UNESCO-ICHEI", "ichei unesco", "digital education", "unesco", "educaton", "higher educatoin"],
      ...["teacher", "techer", "Dakar", "senegal", "Chen Jining", "2023", "100%", "a_b", "c\\d", "centre for", "innovation"],
    ];
    const { vocabulary } = memory;
    const views = fc.record({
      city: some([...vocabulary.city]),
      country: some([...vocabulary.country]),
      category: some([...vocabulary.category]),
      org: some([...vocabulary.org]),
      unmapped: fc.boolean(),
      from: year,
      to: year,
      q: fc.option(fc.constantFrom(...words), { nil: "" }),
      rows: fc.constantFrom(...TIMELINE_GROUPINGS),
      lang: fc.constantFrom("en" as const, "zh" as const),
      event: fc.option(fc.constantFrom(...(await all(memory, EMPTY_QUERY))), { nil: null }),
    });
    await fc.assert(
      fc.asyncProperty(views, async (patch) => {
        const query: Query = { ...EMPTY_QUERY, ...(patch.from && patch.to && patch.from > patch.to ? { ...patch, from: patch.to, to: patch.from } : patch) };
        const [expected, found] = [memory, postgres].map((s) =>
          Promise.all([
            s.count(query),
            all(s, query),
            s.rows(query, { lang: query.lang, limit: 7, offset: 2 }),
            s.facets(query),
            s.pins(query),
            s.timeline(query),
            s.scrubIndex(query),
            s.yearCounts(query).then((m) => Object.fromEntries(m)),
            s.suggest(query),
            query.event ? s.neighbours(query, query.event) : null,
          ]),
        );
        const [m, p] = await Promise.all([expected, found]);
        expect(p).toEqual(m);
      }),
      { numRuns: 120 },
    );
  }, 60_000);
});

describe.skipIf(!url)("PostgreSQL gives memory's timeline at 5,000 events (density, and the events near a window)", () => {
  const pool = url ? pgPool(url) : null!;
  const key = `parity-density-${process.pid}-${Date.now()}`;
  let memory: StoreSnapshot;
  let postgres: StoreSnapshot;

  beforeAll(async () => {
    const dataset = syntheticDataset(5000);
    memory = memorySnapshot(indexDataset(dataset), "memory");
    const client = await pool.connect();
    try {
      await migrate(client);
      await loadAndPublish(client, key, dataset, new Map());
    } finally {
      client.release();
    }
    postgres = await pgStore({ pool, dataset: key }).snapshot();
  }, 60_000);

  afterAll(async () => {
    await pool.query("DELETE FROM published WHERE dataset = $1", [key]);
    await pool.query("DELETE FROM dataset_versions WHERE dataset = $1", [key]);
    await pool.end();
  });

  it("draws the same timeline for random windows, filters and groupings", async () => {
    const pad = (n: number) => String(n).padStart(2, "0");
    // Windows from a day to years wide: every bucket unit, and the events-near-the-window cases.
    const date = fc.oneof(
      fc.integer({ min: 2013, max: 2026 }).map(String),
      fc.record({ y: fc.integer({ min: 2014, max: 2025 }), m: fc.integer({ min: 1, max: 12 }) }).map(({ y, m }) => `${y}-${pad(m)}`),
      fc
        .record({ y: fc.integer({ min: 2014, max: 2025 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
        .map(({ y, m, d }) => `${y}-${pad(m)}-${pad(d)}`),
    );
    const { vocabulary } = memory;
    const views = fc.record({
      // Mostly unfiltered, so that many views have too many events to draw one by one.
      category: fc.oneof({ arbitrary: fc.constant<string[]>([]), weight: 3 }, { arbitrary: fc.subarray([...vocabulary.category], { maxLength: 1 }), weight: 1 }),
      org: fc.oneof({ arbitrary: fc.constant<string[]>([]), weight: 3 }, { arbitrary: fc.subarray([...vocabulary.org], { maxLength: 1 }), weight: 1 }),
      unmapped: fc.boolean(),
      from: fc.option(date, { nil: null }),
      to: fc.option(date, { nil: null }),
      rows: fc.constantFrom(...TIMELINE_GROUPINGS),
      lang: fc.constantFrom("en" as const, "zh" as const),
      event: fc.option(fc.constantFrom("synthetic-1", "synthetic-4321", "synthetic-77"), { nil: null }),
      q: fc.oneof({ arbitrary: fc.constant(""), weight: 4 }, { arbitrary: fc.constantFrom("synthetic", "synthetc", "learnin", "teacher educaton", "event 12", "higher"), weight: 1 }),
    });
    let density = 0;
    await fc.assert(
      fc.asyncProperty(views, async (patch) => {
        const query: Query = { ...EMPTY_QUERY, ...(patch.from && patch.to && patch.from > patch.to ? { ...patch, from: patch.to, to: patch.from } : patch) };
        const [m, p] = await Promise.all([memory.timeline(query), postgres.timeline(query)]);
        expect(await postgres.count(query)).toBe(await memory.count(query));
        expect(await postgres.suggest(query)).toBe(await memory.suggest(query));
        expect(p).toEqual(m);
        if (m.mode === "density") density++;
        expect(await postgres.scrubIndex(query)).toEqual(await memory.scrubIndex(query));
      }),
      { numRuns: 30 },
    );
    expect(density).toBeGreaterThan(3); // the property did reach density mode
  }, 60_000);
});
