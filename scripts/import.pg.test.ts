import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { pgPool, pgStore } from "../lib/data/pg/pg-store";
import { EMPTY_QUERY } from "../lib/query/query";
import { eventSchema, type Event } from "../lib/data/schema";

// `npm run import -- … --publish` into a real PostgreSQL + PostGIS: runs when TEST_DATABASE_URL (or
// DATABASE_URL) names a database this test may write to, as lib/data/store.pg.test.ts does. Each run
// publishes under a dataset key of its own, deleted afterwards.
const url = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;

function runImport(datasetKey: string, ...args: string[]) {
  const result = spawnSync(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/import.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: url, DATASET_KEY: datasetKey },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** An event's own fields, as the data file has them (a stored event carries the index's too). */
const own = (event: Event) =>
  JSON.stringify(Object.fromEntries(Object.keys(eventSchema.shape).flatMap((k) => (k in event ? [[k, event[k as keyof Event]]] : []))));

if (!url) {
  console.warn("import.pg.test.ts: skipped, TEST_DATABASE_URL is not set");
  describe.skip("npm run import -- --publish — skipped: set TEST_DATABASE_URL to a PostgreSQL + PostGIS database to run it", () => {
    it("needs a database", () => {});
  });
} else {
  const pool: pg.Pool = pgPool(url);
  const keys: string[] = [];
  const newKey = (name: string) => {
    const key = `import-${name}-${process.pid}-${Date.now()}`;
    keys.push(key);
    return key;
  };

  afterAll(async () => {
    await pool.query("DELETE FROM published WHERE dataset = ANY($1)", [keys]).catch(() => {});
    await pool.query("DELETE FROM dataset_versions WHERE dataset = ANY($1)", [keys]).catch(() => {});
    await pool.end();
  });

  describe("npm run import -- --publish", { timeout: 120_000 }, () => {
    it("publishes the imported folder as a new version, readable through the store with the same events", async () => {
      const key = newKey("clean");
      const out = mkdtempSync(path.join(tmpdir(), "import-publish-"));
      const { status, stdout, stderr } = runImport(key, "lib/import/corpus/clean-gb18030.csv", "--out", out, "--publish");
      expect(stderr).toBe("");
      expect(status).toBe(0);
      expect(stdout).toMatch(new RegExp(`Published 2 events as version \\S+ of dataset "${key}"`));

      const written: Event[] = JSON.parse(readFileSync(path.join(out, "events.json"), "utf8"));
      const snapshot = await pgStore({ pool, dataset: key }).snapshot();
      const stored: Event[] = [];
      for await (const batch of snapshot.exportEvents(EMPTY_QUERY)) stored.push(...batch);
      expect(stored.map(own).sort()).toEqual(written.map(own).sort());
    });

    it("publishes the documents of --sources with the events: their pages are served", async () => {
      const key = newKey("sources");
      const out = mkdtempSync(path.join(tmpdir(), "import-publish-"));
      const { status, stderr } = runImport(key, "data", "--out", out, "--sources", "data/sources", "--publish");
      expect(stderr).toBe("");
      expect(status).toBe(0);
      const snapshot = await pgStore({ pool, dataset: key }).snapshot();
      const [document] = JSON.parse(readFileSync("data/sources.json", "utf8")) as { id: string }[];
      expect((await snapshot.source(document.id))?.document.id).toBe(document.id);
    });

    it("publishes nothing when the import is refused", async () => {
      const key = newKey("refused");
      const out = mkdtempSync(path.join(tmpdir(), "import-publish-"));
      const { status, stdout } = runImport(key, "lib/import/corpus/ambiguous-date.csv", "--out", path.join(out, "data"), "--publish");
      expect(status).toBe(1);
      expect(stdout).not.toMatch(/Published/);
      const { rows } = await pool
        .query("SELECT count(*)::int AS n FROM dataset_versions WHERE dataset = $1", [key])
        .catch(() => ({ rows: [{ n: 0 }] }));
      expect(rows[0].n).toBe(0);
    });
  });
}
