import { afterAll, describe, it } from "vitest";
import pg from "pg";
import { migrate } from "./pg/migrate";
import { loadAndPublish } from "./pg/load";
import { pgPool, pgStore } from "./pg/pg-store";
import { runStoreContract } from "./store.contract";

// The store contract on PostgreSQL + PostGIS: runs when TEST_DATABASE_URL (or DATABASE_URL) names a
// database this test may write to (.ci/run starts one). Each store the suite makes is a dataset of
// its own key, deleted afterwards, so runs never see each other's data.
const url = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;

if (!url) {
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
}
