import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const { datasetUnavailable, storeOr503, storeOrRefusal } = await import("./unavailable");
const { DatasetError, StoreUnavailableError } = await import("../data/store");

let dir: string;
const before = process.env.EVENTS_DATA_DIR;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "refused-"));
  await writeFile(path.join(dir, "events.json"), "[{ not JSON");
  process.env.EVENTS_DATA_DIR = dir;
  vi.stubEnv("DATABASE_URL", ""); // the refused folder is the memory store's, whatever the shell sets
});
afterAll(async () => {
  vi.unstubAllEnvs();
  if (before === undefined) delete process.env.EVENTS_DATA_DIR;
  else process.env.EVENTS_DATA_DIR = before;
  await rm(dir, { recursive: true, force: true });
});

describe("a refused dataset", () => {
  it("is a refusal for pages, which show it", async () => {
    const { store, refused } = await storeOrRefusal();
    expect(store).toBeUndefined();
    expect(refused).toBeInstanceOf(DatasetError);
    expect((refused as InstanceType<typeof DatasetError>).problems.map((p) => p.file)).toContain("events.json");
  });

  it("is a 503 for the API, naming the problems without the server's paths, never cached", async () => {
    const response = await storeOr503();
    expect(response).toBeInstanceOf(Response);
    const { refused } = await storeOrRefusal();
    for (const answer of [response as Response, datasetUnavailable(refused as InstanceType<typeof DatasetError>)]) {
      expect(answer.status).toBe(503);
      expect(answer.headers.get("cache-control")).toBe("no-store");
      expect(answer.headers.get("retry-after")).toBe("30");
      const text = await answer.text();
      expect(JSON.parse(text)).toMatchObject({
        error: "The dataset could not be loaded",
        problems: expect.arrayContaining([expect.stringMatching(/^events\.json › /)]),
      });
      expect(text).not.toContain(dir);
    }
  });
});

describe("a database that does not answer", () => {
  it("is a refusal for pages and a plain 503 for the API, tried again on the next request", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    vi.stubEnv("DATABASE_URL", "postgres://nobody@127.0.0.1:1/nothing"); // nothing listens on port 1
    try {
      expect((await storeOrRefusal()).refused).toBeInstanceOf(StoreUnavailableError);
      const response = (await storeOr503()) as Response;
      expect(response.status).toBe(503);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.json()).toEqual({ error: "The database is not answering", problems: [] });
    } finally {
      vi.unstubAllEnvs();
      vi.restoreAllMocks();
    }
  });
});
