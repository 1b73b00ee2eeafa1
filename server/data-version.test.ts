import { mkdtemp, rm, writeFile, cp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { datasetVersion, VERSIONED_FILES, versionWatcher } from "@/lib/data-version/data-version.mjs";
import { DATA_FILES } from "@/lib/data/validate";

// server.mjs keys cached pages by the version lib/data-version names for the files on disk; the
// store names its version with the same function. These hold what the page cache relies on.
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "data-version-"));
  for (const file of VERSIONED_FILES) await cp(path.join("data", file), path.join(dir, file));
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
