import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { migrate } from "@/lib/data/pg/migrate";
import { loadAndPublish } from "@/lib/data/pg/load";
import { pgPool } from "@/lib/data/pg/pg-store";
import { startTcpProxy, type TcpProxy } from "@/lib/data/pg/test-tcp-proxy";
import { contractDataset } from "@/lib/data/store.contract";
import { STORE_UNAVAILABLE } from "@/lib/http/unavailable";
import { getStore } from "@/lib/data/store";
import { GET as health } from "./health/route";
import { GET as rows } from "./rows/route";
import { GET as events } from "./events/route";

// "The database goes away" (issue 16, faults): the API's store reads PostgreSQL through a TCP proxy
// the test cuts (connections destroyed, new ones refused) or stalls (accepted, never answered). Every
// request must answer 503 with the API's usual body within 5 s, never 500 and never hang, and the
// first request after the proxy is back must answer 200 without a restart. Runs when
// TEST_DATABASE_URL (or DATABASE_URL) is set, as lib/data/store.pg.test.ts.
const url = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;

const ANSWER_WITHIN_MS = 5000;

const handlers = { "/api/health": health, "/api/rows": rows, "/api/events": events } as const;

async function ask(path: string) {
  const request = new NextRequest(new URL(path, "http://localhost:3000"));
  const handler = handlers[request.nextUrl.pathname as keyof typeof handlers] as (r: NextRequest) => Promise<Response>;
  const started = performance.now();
  const response = await handler(request);
  const body = await response.text();
  return { status: response.status, body, ms: performance.now() - started, headers: response.headers };
}

const PATHS = ["/api/rows?category=conference", "/api/events?format=csv", "/api/health"];

describe.skipIf(!url)("when PostgreSQL goes away", () => {
  const pool = url ? pgPool(url) : null!;
  const key = `faults-${process.pid}-${Date.now()}`;
  let proxy: TcpProxy;

  beforeAll(async () => {
    const client = await pool.connect();
    try {
      await migrate(client);
      await loadAndPublish(client, key, contractDataset(), new Map());
    } finally {
      client.release();
    }
    const target = new URL(url!);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    vi.stubEnv("DATABASE_URL", proxy.urlFor(url!));
    vi.stubEnv("DATASET_KEY", key);
    // The store logs each refusal (the operator's clue): kept out of the test's output.
    vi.spyOn(console, "error").mockImplementation(() => {});
  });

  afterAll(async () => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    await proxy?.close();
    await pool.query("DELETE FROM published WHERE dataset = $1", [key]);
    await pool.query("DELETE FROM dataset_versions WHERE dataset = $1", [key]);
    await pool.end();
  });

  async function expectAllAnswer200() {
    for (const path of PATHS) expect((await ask(path)).status, path).toBe(200);
  }

  async function expectAll503() {
    for (const path of PATHS) {
      const answer = await ask(path);
      expect(answer.status, path).toBe(503);
      expect(answer.ms, `${path} answered in ${Math.round(answer.ms)} ms`).toBeLessThan(ANSWER_WITHIN_MS);
      expect(answer.headers.get("cache-control")).toBe("no-store");
      const body = JSON.parse(answer.body);
      expect(body).toMatchObject({ error: STORE_UNAVAILABLE, problems: [] });
      // Nothing of the server's addresses reaches a visitor.
      expect(answer.body).not.toMatch(/127\.0\.0\.1|ECONN|postgres:\/\//);
    }
  }

  it("answers 503 while the connections are cut and refused, then 200 once the database is back", async () => {
    await expectAllAnswer200(); // the pool now holds open connections through the proxy
    await proxy.cut();
    await expectAll503();
    await expectAll503(); // and again: nothing is stuck after the first failure
    await proxy.restore();
    await expectAllAnswer200();
  }, 30_000);

  it("answers 503 when the database goes away during a request, after its snapshot opened", async () => {
    await expectAllAnswer200();
    const store = getStore();
    const open = store.snapshot.bind(store);
    const midway = vi.spyOn(store, "snapshot").mockImplementation(async () => {
      const snapshot = await open();
      await proxy.cut(); // the snapshot is open: its statements are what fail
      return snapshot;
    });
    try {
      for (const path of PATHS.filter((p) => p !== "/api/health")) {
        const answer = await ask(path);
        expect(answer.status, path).toBe(503);
        expect(answer.ms).toBeLessThan(ANSWER_WITHIN_MS);
        expect(JSON.parse(answer.body)).toMatchObject({ error: STORE_UNAVAILABLE, problems: [] });
        await proxy.restore();
      }
    } finally {
      midway.mockRestore();
      await proxy.restore();
    }
    await expectAllAnswer200();
  }, 30_000);

  it("answers 503 within 5 s when the open connections go quiet (a network partition), then 200 once it is over", async () => {
    await expectAllAnswer200(); // the pool holds open connections, which now carry nothing
    proxy.freeze();
    await expectAll503();
    await proxy.restore();
    await expectAllAnswer200();
  }, 60_000);

  it("answers 503 within 5 s while the database accepts connections but never answers, then 200 once it does", async () => {
    await expectAllAnswer200();
    proxy.stall();
    await expectAll503();
    await proxy.restore();
    await expectAllAnswer200();
  }, 60_000);
});
