import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { migrate } from "@/lib/data/pg/migrate";
import { loadAndPublish } from "@/lib/data/pg/load";
import { pgPool } from "@/lib/data/pg/pg-store";
import { readDatasetDir } from "@/lib/data/read-dataset";
import { GET as events } from "./events/route";
import { GET as rows } from "./rows/route";
import { GET as scrub } from "./scrub/route";

// The API on PostgreSQL answers byte for byte as on memory (the data folder), for the same views:
// every export format, the list's pages, the scrub index, refusals. Runs when TEST_DATABASE_URL
// (or DATABASE_URL) is set, as lib/data/store.pg.test.ts. Only the version differs (ETags name it).
const url = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;

const PATHS = [
  "/api/events",
  "/api/events?format=csv&lang=zh",
  "/api/events?format=geojson&city=shanghai",
  "/api/events?format=ics&from=2023&to=2024",
  "/api/events?q=STEM&country=cn",
  "/api/events?q=上海",
  "/api/events?org=nope",
  "/api/rows?offset=10&lang=zh",
  "/api/rows?offset=x",
  "/api/rows?category=conference&offset=2",
  "/api/scrub?country=cn",
  "/api/scrub?q=unesco&rows=organization",
];

const handlers = { "/api/events": events, "/api/rows": rows, "/api/scrub": scrub };

async function answer(path: string) {
  const request = new NextRequest(new URL(path, "http://localhost:3000"));
  const response = await handlers[request.nextUrl.pathname as keyof typeof handlers](request);
  const headers = Object.fromEntries([...response.headers].filter(([name]) => !/etag|version/i.test(name)));
  return { status: response.status, headers, body: Buffer.from(await response.arrayBuffer()).toString("base64") };
}

describe.skipIf(!url)("the API on PostgreSQL answers as on memory", () => {
  const pool = url ? pgPool(url) : null!;
  const key = `routes-${process.pid}-${Date.now()}`;

  beforeAll(async () => {
    const { dataset, sourceTexts } = await readDatasetDir("data");
    const client = await pool.connect();
    try {
      await migrate(client);
      await loadAndPublish(client, key, dataset!, sourceTexts);
    } finally {
      client.release();
    }
  });

  afterAll(async () => {
    vi.unstubAllEnvs();
    await pool.query("DELETE FROM published WHERE dataset = $1", [key]);
    await pool.query("DELETE FROM dataset_versions WHERE dataset = $1", [key]);
    await pool.end();
  });

  it.each(PATHS)("%s", async (path) => {
    vi.stubEnv("DATABASE_URL", "");
    vi.stubEnv("EVENTS_DATA_DIR", "data");
    const memory = await answer(path);
    vi.stubEnv("DATABASE_URL", url!);
    vi.stubEnv("DATASET_KEY", key);
    const postgres = await answer(path);
    expect(postgres).toEqual(memory);
  });
});
