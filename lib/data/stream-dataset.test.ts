import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readDatasetDir, streamDatasetDir } from "./read-dataset";
import { formatProblem } from "./validate";
import { makeBrokenData, MUTATIONS } from "../../scripts/make-broken-data";

// db:load streams events.json (lib/data/pg/load.ts `loadFolder`); check:data reads it whole. Both
// must refuse a folder with the same problems, in the same order, and accept the same events.
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

async function folder(make: (dir: string) => Promise<unknown>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "stream-dataset-"));
  dirs.push(dir);
  await make(dir);
  return dir;
}

async function streamed(dir: string) {
  const read = await streamDatasetDir(dir);
  const ids: string[] = [];
  for await (const event of read.events()) ids.push(event.id);
  return { ids, problems: read.problems().map(formatProblem) };
}

describe("a data folder streamed as db:load reads it", () => {
  it("yields every event of a sound folder, in the file's order, with no problem", async () => {
    const whole = await readDatasetDir("data");
    const { ids, problems } = await streamed("data");
    expect(problems).toEqual([]);
    expect(ids).toEqual(whole.dataset!.events.map((e) => e.id));
  });

  it("reports the broken folder's problems as check:data does, and yields nothing after the first", async () => {
    const dir = await folder((dir) => makeBrokenData("data", dir));
    const whole = await readDatasetDir(dir);
    const { ids, problems } = await streamed(dir);
    expect(problems).toEqual(whole.problems.map(formatProblem));
    expect(problems).toHaveLength(MUTATIONS.length);
    const wholeIds = (await readDatasetDir("data")).dataset!.events.map((e) => e.id);
    expect(ids.length).toBeLessThan(wholeIds.length);
  });

  it.each([
    ["not a list", '{"events": []}'],
    ["not JSON", '[{"id": "a",'],
    ["empty", ""],
  ])("refuses an events.json that is %s, naming the file", async (_, text) => {
    const dir = await folder(async (dir) => {
      await cp("data", dir, { recursive: true });
      await writeFile(path.join(dir, "events.json"), text);
    });
    const whole = (await readDatasetDir(dir)).problems.map(formatProblem);
    const { ids, problems } = await streamed(dir);
    expect(ids).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^events\.json › \(file\) › \(root\): /);
    // The parsers word a syntax error each their own way; the rest is the same.
    expect(problems[0].replace(/JSON: .*/, "JSON")).toBe(whole[0].replace(/JSON: .*/, "JSON"));
  });

  it("refuses a folder without events.json as check:data does", async () => {
    const dir = await folder(async (dir) => {
      await cp("data", dir, { recursive: true });
      await rm(path.join(dir, "events.json"));
    });
    const { problems } = await streamed(dir);
    expect(problems).toEqual((await readDatasetDir(dir)).problems.map(formatProblem));
  });
});
