import { cp, mkdtemp, readdir, readFile, rm, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { datasetVersion, SOURCES_DIR, SOURCES_FILE, TOURS_DIR, VERSIONED_FILES, versionWatcher } from "@/lib/data-version/data-version.mjs";
import { DATA_FILES } from "@/lib/data/validate";

// server.mjs keys cached pages by the version lib/data-version names for the files on disk; the
// store names its version with the same function. These hold what the page cache relies on.
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "data-version-"));
  for (const file of [...VERSIONED_FILES, SOURCES_FILE, SOURCES_DIR, TOURS_DIR])
    await cp(path.join("data", file), path.join(dir, file), { recursive: true });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("the dataset version", () => {
  it("is made of the files the loader reads", () => {
    expect([...VERSIONED_FILES].sort()).toEqual(Object.values(DATA_FILES).sort());
  });

  it("names the bytes, not the folder: two servers with the same data agree", async () => {
    expect(await datasetVersion(dir)).toBe(await datasetVersion(path.resolve("data")));
    expect(await datasetVersion(dir)).toMatch(/^[0-9a-f]{12}$/);
  });
});

describe("the sources in the version", () => {
  // A document's title (sources.json) and text (sources/) reach pages and exports: an edit of either
  // is a new version, hence a new ETag, and makes the store read the folder again.
  let copy: string;
  beforeEach(async () => {
    copy = await mkdtemp(path.join(tmpdir(), "data-version-sources-"));
    await cp(dir, copy, { recursive: true });
  });
  afterEach(() => rm(copy, { recursive: true, force: true }));

  it("changes with a source's title", async () => {
    const before = await datasetVersion(copy);
    const sources = JSON.parse(await readFile(path.join(copy, SOURCES_FILE), "utf8")) as { title: string }[];
    sources[0].title += " (revised)";
    await writeFile(path.join(copy, SOURCES_FILE), JSON.stringify(sources));
    expect(await datasetVersion(copy)).not.toBe(before);
  });

  it("changes when a document is edited, deleted or added, and the watcher sees it", async () => {
    let now = 0;
    const watcher = versionWatcher(copy, { everyMs: 1000, now: () => now });
    const seen = [await watcher.current()];
    const [first] = (await readdir(path.join(copy, SOURCES_DIR))).sort();
    const step = async (edit: () => Promise<void>) => {
      await edit();
      now += 1001;
      seen.push(await watcher.current());
      expect(seen.at(-1)).toBe(await datasetVersion(copy));
    };
    await step(() => writeFile(path.join(copy, SOURCES_DIR, first), "edited text"));
    await step(() => unlink(path.join(copy, SOURCES_DIR, first)));
    await step(() => writeFile(path.join(copy, SOURCES_DIR, "new.txt"), "a new document"));
    expect(new Set(seen).size).toBe(4);
  });
});

describe("the tours in the version", () => {
  // A tour's text reaches its pages: an edited tour is a new version, as an edited event is.
  it("changes when a tour is edited, and not for a file in tours/ that is no tour", async () => {
    const copy = await mkdtemp(path.join(tmpdir(), "data-version-tours-"));
    try {
      await cp(dir, copy, { recursive: true });
      const before = await datasetVersion(copy);
      await writeFile(path.join(copy, TOURS_DIR, "notes.md"), "not a tour");
      expect(await datasetVersion(copy)).toBe(before);
      const [first] = (await readdir(path.join(copy, TOURS_DIR))).filter((name) => name.endsWith(".json")).sort();
      const tour = JSON.parse(await readFile(path.join(copy, TOURS_DIR, first), "utf8")) as { title: { en: string } };
      tour.title.en += " (revised)";
      await writeFile(path.join(copy, TOURS_DIR, first), JSON.stringify(tour));
      expect(await datasetVersion(copy)).not.toBe(before);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });
});

describe("versionWatcher", () => {
  it("sees an edit at the next look, not before, and agrees with datasetVersion", async () => {
    let now = 0;
    const watcher = versionWatcher(dir, { everyMs: 1000, now: () => now });
    const before = await watcher.current();
    expect(before).toBe(await datasetVersion(dir));
    await writeFile(path.join(dir, "categories.json"), "[]\n");
    now = 500;
    expect(await watcher.current()).toBe(before);
    now = 1501;
    const after = await watcher.current();
    expect(after).not.toBe(before);
    expect(after).toBe(await datasetVersion(dir));
  });

  it("gives concurrent callers one answer", async () => {
    const watcher = versionWatcher(dir);
    const answers = await Promise.all([watcher.current(), watcher.current(), watcher.current()]);
    expect(new Set(answers).size).toBe(1);
  });

  it("names a folder without data files too, so a refused start-up is not an error here", async () => {
    const empty = await mkdtemp(path.join(tmpdir(), "data-version-empty-"));
    try {
      expect(await versionWatcher(empty).current()).toMatch(/^[0-9a-f]{12}$/);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
