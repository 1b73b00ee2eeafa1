import { afterAll, describe, expect, it, vi } from "vitest";
import pg from "pg";
import { migrate } from "./pg/migrate";
import { loadAndPublish } from "./pg/load";
import { pgPool, pgStore } from "./pg/pg-store";
import { contractDataset } from "./store.contract";
import type { Dataset } from "./dataset";
import type { StoreSnapshot } from "./store";
import { EMPTY_QUERY, type Query } from "../query/query";

// The PostgreSQL store reading from a real streaming replica (DATABASE_READ_URLS): runs when
// TEST_DATABASE_URL names the primary and TEST_DATABASE_READ_URL a hot standby of it (.ci/run makes
// one with `pg_basebackup -R`). A replica's lag is made on purpose by pausing its replay
// (pg_wal_replay_pause: the test connects as a superuser, as .ci/run's `postgres`).
const primaryUrl = process.env.TEST_DATABASE_URL;
const replicaUrl = process.env.TEST_DATABASE_READ_URL;

if (!primaryUrl || !replicaUrl) {
  console.warn("store.pg-replica.test.ts: skipped, TEST_DATABASE_URL and TEST_DATABASE_READ_URL are not both set (.ci/run sets them to a throwaway primary and its streaming replica)");
  describe.skip("the postgres store on a streaming replica — skipped: set TEST_DATABASE_URL and TEST_DATABASE_READ_URL (a replica of it) to run it", () => {
    it("needs a primary and its replica", () => {});
  });
} else {
  const primary: pg.Pool = pgPool(primaryUrl);
  const replica: pg.Pool = pgPool(replicaUrl);
  const keys: string[] = [];
  let migrated: Promise<unknown> | null = null;

  afterAll(async () => {
    // Never leave the replica paused for whatever runs next on it.
    await replica.query("SELECT pg_wal_replay_resume()").catch(() => {});
    await primary.query("DELETE FROM published WHERE dataset = ANY($1)", [keys]);
    await primary.query("DELETE FROM dataset_versions WHERE dataset = ANY($1)", [keys]);
    await Promise.all([primary.end(), replica.end()]);
  });

  /** A dataset key of this run's own, deleted afterwards. */
  function newKey(name: string): string {
    const key = `replica-${name}-${process.pid}-${Date.now()}`;
    keys.push(key);
    return key;
  }

  /** Loads and publishes a version on the primary, as `npm run db:load` does. */
  async function publish(key: string, dataset: Dataset): Promise<string> {
    const client = await primary.connect();
    try {
      await (migrated ??= migrate(client));
      return (await loadAndPublish(client, key, dataset, new Map())).version;
    } finally {
      client.release();
    }
  }

  /** Until the replica has replayed everything the primary has written so far (polled, 10 s at most). */
  async function replicaCaughtUp(): Promise<void> {
    const { rows } = await primary.query<{ lsn: string }>("SELECT pg_current_wal_lsn()::text AS lsn");
    await vi.waitFor(
      async () => {
        const { rows: replayed } = await replica.query<{ done: boolean }>("SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done", [rows[0].lsn]);
        if (!replayed[0].done) throw new Error(`the replica has not replayed ${rows[0].lsn} yet`);
      },
      { timeout: 10_000, interval: 50 },
    );
  }

  /** The replica stops replaying: it lags behind whatever the primary commits next. */
  async function pauseReplay(): Promise<void> {
    await replica.query("SELECT pg_wal_replay_pause()");
    await vi.waitFor(
      async () => {
        const { rows } = await replica.query<{ state: string }>("SELECT pg_get_wal_replay_pause_state() AS state");
        if (rows[0].state !== "paused") throw new Error(`replay is ${rows[0].state}`);
      },
      { timeout: 10_000, interval: 50 },
    );
  }

  const resumeReplay = () => replica.query("SELECT pg_wal_replay_resume()");

  const q = (patch: Partial<Query>): Query => ({ ...EMPTY_QUERY, ...patch });
  const QUERIES = [EMPTY_QUERY, q({ country: ["cn"] }), q({ q: "shanghai" }), q({ from: "2016", to: "2023" })];

  /** A request's answers: what a page and the API ask a snapshot, over a few queries. */
  async function answersOf(snapshot: StoreSnapshot) {
    const perQuery = await Promise.all(
      QUERIES.map(async (query) => ({
        count: await snapshot.count(query),
        rows: await snapshot.rows(query, { lang: "en", limit: 50 }),
        facets: await snapshot.facets(query),
        pins: await snapshot.pins(query),
        timeline: await snapshot.timeline(query),
        yearCounts: [...(await snapshot.yearCounts(query))],
      })),
    );
    return { version: snapshot.version, total: snapshot.total, perQuery, event: await snapshot.event("e02-founded") };
  }

  /** Version B of the contract dataset: two events fewer, a title changed (every answer above differs). */
  function editedDataset(title: string): Dataset {
    const dataset = contractDataset();
    dataset.events = dataset.events.filter((e) => e.id !== "e06-meeting" && e.id !== "e09-dakar-day");
    dataset.events = dataset.events.map((e) => (e.id === "e02-founded" ? { ...e, title } : e));
    return dataset;
  }

  describe("the postgres store on a streaming replica", () => {
    it("is given a hot standby that streams from the primary", async () => {
      const { rows } = await replica.query<{ standby: boolean }>("SELECT pg_is_in_recovery() AS standby");
      expect(rows[0].standby).toBe(true);
      const streaming = await primary.query<{ state: string }>("SELECT state FROM pg_stat_replication");
      expect(streaming.rows.map((r) => r.state)).toContain("streaming");
    });

    it("reads every statement of a request from the replica, with the primary's answers", async () => {
      const key = newKey("reads");
      const version = await publish(key, contractDataset());
      await replicaCaughtUp();
      const onPrimary = vi.spyOn(primary, "query");
      const onReplica = vi.spyOn(replica, "query");
      try {
        const store = pgStore({ pool: primary, readPools: [replica], dataset: key });
        const answers = await answersOf(await store.snapshot());
        expect(onPrimary).not.toHaveBeenCalled();
        expect(onReplica).toHaveBeenCalled();
        expect(answers.version).toBe(version);
        // The pool the store reads with is the standby's.
        expect((await replica.query("SELECT pg_is_in_recovery() AS standby")).rows[0].standby).toBe(true);
        onReplica.mockClear();
        const fromPrimary = await answersOf(await pgStore({ pool: primary, dataset: key }).snapshot());
        expect(onReplica).not.toHaveBeenCalled();
        expect(answers).toEqual(fromPrimary);
        expect(answers.perQuery[0].count).toBe(10);
      } finally {
        onPrimary.mockRestore();
        onReplica.mockRestore();
      }
    });

    it("reads the version the replica has replayed while it lags, whole, and the new one once it catches up", async () => {
      const key = newKey("lag");
      const first = await publish(key, contractDataset());
      await replicaCaughtUp();
      const store = pgStore({ pool: primary, readPools: [replica], dataset: key });
      const firstAnswers = await answersOf(await pgStore({ pool: primary, dataset: key }).snapshot());

      await pauseReplay();
      let pinned: StoreSnapshot;
      let second: string;
      try {
        second = await publish(key, editedDataset("Centre founded (second version)"));
        // The primary serves the new version; the lagging replica, every answer of the old one.
        expect((await store.health()).version).toBe(second);
        pinned = await store.snapshot();
        expect(await answersOf(pinned)).toEqual(firstAnswers);
      } finally {
        await resumeReplay();
      }
      await replicaCaughtUp();

      // A request that opened before the replica caught up still answers its own version, whole.
      expect(await answersOf(pinned)).toEqual(firstAnswers);
      // The next request reads the new version, with the primary's answers.
      const secondAnswers = await answersOf(await store.snapshot());
      expect(secondAnswers.version).toBe(second);
      expect(secondAnswers.version).not.toBe(first);
      expect(secondAnswers).toEqual(await answersOf(await pgStore({ pool: primary, dataset: key }).snapshot()));
      expect(secondAnswers.perQuery[0].count).toBe(8);
    });

    // A replica that lags by two loads replays both publishes at once when it catches up: a request
    // pinned to the version it had (published two loads ago) must still find that version's rows. It
    // did not while a load deleted the versions older than the one it replaced; replaced versions are
    // now retired for a grace period first (lib/data/pg/load.ts).
    it("keeps a request's version whole when a lagging replica catches up two publishes at once", async () => {
      const key = newKey("two-behind");
      await publish(key, contractDataset());
      await replicaCaughtUp();
      const store = pgStore({ pool: primary, readPools: [replica], dataset: key });
      const firstAnswers = await answersOf(await pgStore({ pool: primary, dataset: key }).snapshot());

      await pauseReplay();
      let pinned: StoreSnapshot;
      try {
        pinned = await store.snapshot();
        await publish(key, editedDataset("Centre founded (second version)"));
        await publish(key, editedDataset("Centre founded (third version)"));
      } finally {
        await resumeReplay();
      }
      await replicaCaughtUp();

      expect(await answersOf(pinned)).toEqual(firstAnswers);
    });
  });
}
