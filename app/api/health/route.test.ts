import { cp, mkdtemp, readFile, rm, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { CHECK_EVERY_MS } from "@/lib/data-version/data-version.mjs";
import { openSnapshot } from "@/lib/data/store";
import { GET } from "./route";

// The store looks at the data folder at most every CHECK_EVERY_MS: each step moves the clock past it.
// The store is one per process (on globalThis), so every test starts from a fresh copy of ./data in
// its own folder, which the store takes for a new data folder.
let dir: string;
const health = async () => {
  vi.setSystemTime(Date.now() + CHECK_EVERY_MS + 1);
  const response = await GET();
  return { status: response.status, body: (await response.json()) as { ok: boolean; version: string; problems: string[] } };
};
const sourcesFile = () => path.join(dir, "sources.json");

beforeAll(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.spyOn(console, "error").mockImplementation(() => {}); // the store logs each refused edit
});
afterAll(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "health-"));
  await cp("data", dir, { recursive: true });
  vi.stubEnv("EVENTS_DATA_DIR", dir);
  vi.stubEnv("DATABASE_URL", ""); // these tests are the data folder's (the memory store), whatever the shell sets
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(dir, { recursive: true, force: true });
});

describe("/api/health and the source documents", () => {
  it("is 200 for the data as shipped", async () => {
    expect((await health()).status).toBe(200);
  });

  it("answers 503 naming the file when sources.json is broken after start-up", async () => {
    const { body: before } = await health();
    await writeFile(sourcesFile(), "[{ not json");
    const { status, body } = await health();
    expect(status).toBe(503);
    expect(body.version).toBe(before.version); // the last good version keeps serving
    // The file, once: not again by every event citing a document it no longer lists.
    expect(body.problems).toHaveLength(1);
    expect(body.problems[0]).toMatch(/^sources\.json › \(file\) › \(root\): cannot be read as JSON/);
  });

  it("answers 503 naming the record when a quoted document is deleted", async () => {
    await health();
    const [first] = JSON.parse(await readFile(sourcesFile(), "utf8")) as { id: string; file: string }[];
    await unlink(path.join(dir, "sources", first.file));
    const { status, body } = await health();
    expect(status).toBe(503);
    expect(body.problems.join("\n")).toContain(`sources.json › ${first.id} › file: missing file sources/${first.file}`);
    expect(body.problems.join("\n")).not.toContain(dir); // never the server's paths
  });

  it("picks up a new source title as a new version (a new ETag), as an edit of events.json", async () => {
    const before = (await openSnapshot()).version;
    const sources = JSON.parse(await readFile(sourcesFile(), "utf8")) as { id: string; title: string }[];
    sources[0].title = "A revised title";
    await writeFile(sourcesFile(), JSON.stringify(sources));
    const { status, body } = await health();
    expect(status).toBe(200);
    expect(body.version).not.toBe(before);
    expect((await openSnapshot()).names.sourceById.get(sources[0].id)?.title).toBe("A revised title");
  });
});

describe("/api/health with PostgreSQL", () => {
  it("says which store serves", async () => {
    expect((await health()).body).toMatchObject({ ok: true, store: "memory" });
  });

  it("answers 503 with the usual body, never a 500, while the database does not answer", async () => {
    vi.stubEnv("DATABASE_URL", "postgres://nobody@127.0.0.1:1/nothing"); // nothing listens on port 1
    const response = await GET();
    expect(response.status).toBe(503);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({
      ok: false,
      version: null,
      store: "postgres",
      error: "The database is not answering",
      problems: [],
    });
  });
});
