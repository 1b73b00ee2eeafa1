import { afterAll, describe, expect, it, vi } from "vitest";
import pg from "pg";
import { migrate } from "./pg/migrate";
import { loadAndPublish, RETIRED_GRACE_SECONDS } from "./pg/load";
import { pgPool, pgStore } from "./pg/pg-store";
import { contractDataset, runStoreContract } from "./store.contract";
import { EMPTY_QUERY } from "../query/query";
import { GET as health } from "@/app/api/health/route";
import { publishedVersionWatcher } from "@/lib/data-version/published-version.mjs";

// The store contract on PostgreSQL + PostGIS: runs when TEST_DATABASE_URL (or DATABASE_URL) names a
// database this test may write to (.ci/run starts one). Each store the suite makes is a dataset of
// its own key, deleted afterwards, so runs never see each other's data.
const url = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;

if (!url) {
  console.warn("store.pg.test.ts: skipped, TEST_DATABASE_URL is not set (.ci/run sets it to a throwaway PostgreSQL + PostGIS database)");
  describe.skip("the store contract: postgres — skipped: set TEST_DATABASE_URL to a PostgreSQL + PostGIS database to run it", () => {
    it("needs a database", () => {});
  });
} else {
  const pool: pg.Pool = pgPool(url);
  const keys: string[] = [];
  let migrated: Promise<unknown> | null = null;

  afterAll(async () => {
    await pool.query("DELETE FROM published WHERE dataset = ANY($1)", [keys]);
    await pool.query("DELETE FROM dataset_versions WHERE dataset = ANY($1)", [keys]);
    await pool.end();
  });

  runStoreContract("postgres", async (dataset, sourceTexts) => {
    const key = `contract-${process.pid}-${keys.length}-${Date.now()}`;
    keys.push(key);
    const client = await pool.connect();
    try {
      await (migrated ??= migrate(client));
      await loadAndPublish(client, key, dataset, sourceTexts);
    } finally {
      client.release();
    }
    return pgStore({ pool, dataset: key });
  });

  describe("the postgres store behind the routes", () => {
    it("keeps serving the published version when a load fails halfway", async () => {
      const key = `failed-load-${process.pid}-${Date.now()}`;
      keys.push(key);
      const client = await pool.connect();
      try {
        await (migrated ??= migrate(client));
        await loadAndPublish(client, key, contractDataset(), new Map());
        const store = pgStore({ pool, dataset: key });
        const before = await store.snapshot();
        // Two events with one id: the load fails (at its primary key) after the reference tables were written.
        const broken = contractDataset();
        broken.events.push({ ...broken.events[0], title: "a second record with the first one's id" });
        await expect(loadAndPublish(client, key, broken, new Map())).rejects.toThrow(/could not create unique index/);
        const after = await store.snapshot();
        expect(after.version).toBe(before.version);
        expect(await after.count(EMPTY_QUERY)).toBe(10);
        const { rows } = await client.query("SELECT count(*)::int AS n FROM dataset_versions WHERE dataset = $1", [key]);
        expect(rows[0].n).toBe(1);
      } finally {
        client.release();
      }
    });

    it("keeps a replaced version's rows for a grace period, so a pinned request finishes on them", async () => {
      const key = `retired-${process.pid}-${Date.now()}`;
      keys.push(key);
      const client = await pool.connect();
      const versions = async () =>
        (await client.query<{ n: number }>("SELECT count(*)::int AS n FROM dataset_versions WHERE dataset = $1", [key])).rows[0].n;
      try {
        await (migrated ??= migrate(client));
        const store = pgStore({ pool, dataset: key });
        await loadAndPublish(client, key, contractDataset(), new Map());
        const pinned = await store.snapshot();
        // Two more publishes while the request is open: its version is retired, not deleted.
        await loadAndPublish(client, key, contractDataset(), new Map());
        await loadAndPublish(client, key, contractDataset(), new Map());
        expect(await pinned.count(EMPTY_QUERY)).toBe(10);
        expect(await versions()).toBe(3);
        // Once retired for longer than the grace, the next load deletes them.
        await client.query(
          "UPDATE dataset_versions SET retired_at = now() - make_interval(secs => $2 + 1) WHERE dataset = $1 AND retired_at IS NOT NULL",
          [key, RETIRED_GRACE_SECONDS],
        );
        await loadAndPublish(client, key, contractDataset(), new Map());
        expect(await versions()).toBe(2);
      } finally {
        client.release();
      }
    });

    it("reads from replicas in turn, and from the primary when a replica does not answer", async () => {
      const key = `replicas-${process.pid}-${Date.now()}`;
      keys.push(key);
      const client = await pool.connect();
      try {
        await (migrated ??= migrate(client));
        await loadAndPublish(client, key, contractDataset(), new Map());
      } finally {
        client.release();
      }
      // The same database stands in for a replica; nothing listens on port 1.
      const replica = pgPool(url);
      const down = pgPool("postgres://nobody@127.0.0.1:1/nothing");
      const errors = vi.spyOn(console, "error").mockImplementation(() => {});
      try {
        const store = pgStore({ pool, readPools: [replica, down], dataset: key });
        const snapshots = await Promise.all([1, 2, 3, 4].map(() => store.snapshot()));
        expect(new Set(snapshots.map((s) => s.version)).size).toBe(1);
        expect(await Promise.all(snapshots.map((s) => s.count(EMPTY_QUERY)))).toEqual([10, 10, 10, 10]);
        expect(errors).toHaveBeenCalledWith(expect.stringMatching(/not answering.*a read replica/));
      } finally {
        errors.mockRestore();
        await Promise.all([replica.end(), down.end()]);
      }
    });

    it("is chosen by DATABASE_URL, and /api/health reports it with the published version", async () => {
      const key = `health-${process.pid}-${Date.now()}`;
      keys.push(key);
      const client = await pool.connect();
      let version: string;
      try {
        await (migrated ??= migrate(client));
        ({ version } = await loadAndPublish(client, key, contractDataset(), new Map()));
      } finally {
        client.release();
      }
      vi.stubEnv("DATABASE_URL", url);
      vi.stubEnv("DATASET_KEY", key);
      try {
        const response = await health();
        expect(response.status).toBe(200);
        expect(await response.json()).toEqual({ ok: true, version, store: "postgres", problems: [] });
        // server.mjs's page cache names the same version, and with a dead address none.
        expect(await publishedVersionWatcher(pool, key).current()).toBe(version);
        const down = pgPool("postgres://nobody@127.0.0.1:1/nothing");
        expect(await publishedVersionWatcher(down, key).current()).toBeNull();
        await down.end();
      } finally {
        vi.unstubAllEnvs();
      }
    });
  });
}
