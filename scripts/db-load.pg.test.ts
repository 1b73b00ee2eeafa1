import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrate } from "@/lib/data/pg/migrate";
import { loadAndPublish } from "@/lib/data/pg/load";
import { pgPool, pgStore } from "@/lib/data/pg/pg-store";
import { contractDataset } from "@/lib/data/store.contract";
import { EMPTY_QUERY } from "@/lib/query/query";
import { syntheticDataset } from "./synthetic-data";

// "A load killed halfway" (issue 16, faults): `npm run db:load` is killed with SIGKILL while it
// COPYs a larger folder. The load is one transaction, so PostgreSQL rolls it back when the
// connection drops: readers keep the previous version with the same counts, no row of the half
// version is visible, nothing needs cleaning up, and the next load publishes. Runs when
// TEST_DATABASE_URL (or DATABASE_URL) is set, as lib/data/store.pg.test.ts.
const url = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;

/** Large enough that its COPY takes a while on this machine (~1 s), small enough for a unit suite. */
const EVENTS = 20_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function startLoad(folder: string, env: Record<string, string>): { child: ChildProcess; exited: Promise<number | null> } {
  // `npm run db:load`'s script run by node itself, with tsx as a loader: the tsx command would run it
  // in a child process, which a SIGKILL of the command leaves running (the load then finishes).
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/db-load.ts", folder], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) =>
    child.on("exit", (code) => {
      if (code !== 0 && code !== null) console.error(output);
      resolve(code);
    }),
  );
  return { child, exited };
}

describe.skipIf(!url)("a load killed halfway", () => {
  const pool = url ? pgPool(url) : null!;
  const key = `killed-load-${process.pid}-${Date.now()}`;
  // The loader's connection is found by its application name (pg reads PGAPPNAME).
  const appName = key.slice(0, 63);
  const env = { DATABASE_URL: url!, DATASET_KEY: key, PGAPPNAME: appName };
  let folder: string;

  beforeAll(async () => {
    const client = await pool.connect();
    try {
      await migrate(client);
      await loadAndPublish(client, key, contractDataset(), new Map());
    } finally {
      client.release();
    }
    folder = mkdtempSync(path.join(tmpdir(), "killed-load-"));
    for (const [name, value] of Object.entries(syntheticDataset(EVENTS)))
      writeFileSync(path.join(folder, `${name}.json`), JSON.stringify(value));
  });

  afterAll(async () => {
    if (folder) rmSync(folder, { recursive: true, force: true });
    await pool.query("DELETE FROM published WHERE dataset = $1", [key]);
    await pool.query("DELETE FROM dataset_versions WHERE dataset = $1", [key]);
    await pool.end();
  });

  /** The loader's statement now, if its connection is open. */
  async function loaderStatement(): Promise<string | null> {
    const { rows } = await pool.query<{ query: string }>("SELECT query FROM pg_stat_activity WHERE application_name = $1", [appName]);
    return rows[0]?.query ?? null;
  }

  it("leaves the published version serving, whole, and the next load publishes", async () => {
    const store = pgStore({ pool, dataset: key });
    const before = await store.snapshot();
    const countBefore = await before.count(EMPTY_QUERY);
    const rowsBefore = async () =>
      (await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM events WHERE dataset = $1", [key])).rows[0].n;
    expect(await rowsBefore()).toBe(countBefore);

    const load = startLoad(folder, env);
    // Killed as soon as the events' COPY (into the load's staging table) is seen under way.
    let copying = false;
    for (const started = Date.now(); !copying && Date.now() - started < 90_000; await sleep(20)) {
      copying = /^COPY load_events /.test((await loaderStatement()) ?? "");
      if (load.child.exitCode !== null) break;
    }
    expect(copying, "the load's COPY was seen").toBe(true);
    // Mid-load, readers see the published version only.
    const during = await store.snapshot();
    expect(during.version).toBe(before.version);
    expect(await during.count(EMPTY_QUERY)).toBe(countBefore);
    load.child.kill("SIGKILL");
    expect(await load.exited).toBeNull(); // killed, not finished

    // PostgreSQL notices the dropped connection and rolls the transaction back.
    for (const started = Date.now(); (await loaderStatement()) !== null && Date.now() - started < 20_000;) await sleep(50);
    expect(await loaderStatement()).toBeNull();

    const after = await store.snapshot();
    expect(after.version).toBe(before.version);
    expect(await after.count(EMPTY_QUERY)).toBe(countBefore);
    expect((await after.rows(EMPTY_QUERY, { lang: "en", limit: 100 })).rows.map((r) => r.id)).toEqual(
      (await before.rows(EMPTY_QUERY, { lang: "en", limit: 100 })).rows.map((r) => r.id),
    );
    // No row of the killed version is visible anywhere: nothing to clean up.
    const versions = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM dataset_versions WHERE dataset = $1", [key]);
    expect(versions.rows[0].n).toBe(1);
    expect(await rowsBefore()).toBe(countBefore);

    // The next load runs to the end and publishes.
    const next = startLoad(folder, env);
    expect(await next.exited).toBe(0);
    const published = await store.snapshot();
    expect(published.version).not.toBe(before.version);
    expect(await published.count(EMPTY_QUERY)).toBe(EVENTS);
  }, 240_000);
});
