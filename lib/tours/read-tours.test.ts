import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readDatasetDir } from "../data/read-dataset";
import { formatProblem } from "../data/validate";
import { readTours } from "./read-tours";

const bundled = path.resolve(import.meta.dirname, "../../data");
const loaded = await readDatasetDir(bundled);

/** A copy of the bundled data folder (as EVENTS_DATA_DIR would name one), with its tours folder as given. */
function dataFolder(tours: Record<string, string> | null): string {
  const dir = mkdtempSync(path.join(tmpdir(), "tours-"));
  cpSync(bundled, dir, { recursive: true, filter: (from) => from !== path.join(bundled, "tours") });
  if (tours) {
    mkdirSync(path.join(dir, "tours"));
    for (const [name, text] of Object.entries(tours)) writeFileSync(path.join(dir, "tours", name), text);
  }
  return dir;
}

describe("the shipped tours", () => {
  it("validate against the bundled data: every view, event and quote", async () => {
    const { tours, problems } = await readTours(bundled, loaded.dataset!, loaded.sourceTexts);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(tours.map((t) => t.id)).toEqual(["ichei-shenzhen", "shanghai-iistem"]);
    for (const tour of tours) expect(tour.steps.length, tour.id).toBeGreaterThanOrEqual(4);
    for (const tour of tours) expect(tour.steps.length, tour.id).toBeLessThanOrEqual(6);
  });

  it("read the documents' texts themselves when not given them, so quotes are never skipped", async () => {
    const tour = JSON.parse(readFileSync(path.join(bundled, "tours/ichei-shenzhen.json"), "utf8"));
    tour.steps[0].sources[0].quote = "signed a treaty on the Moon";
    const dir = dataFolder({ "ichei-shenzhen.json": JSON.stringify(tour) });
    const { problems } = await readTours(dir, loaded.dataset!);
    expect(problems.map(formatProblem)).toEqual([
      "tours/ichei-shenzhen.json › steps[0] › sources.0.quote: not found verbatim in sources/003_4c8480b2cb197e62.txt",
    ]);
  });
});

describe("readTours", () => {
  it("finds no tours and no problem in a folder without tours/ (tours are optional)", async () => {
    expect(await readTours(dataFolder(null), loaded.dataset!)).toEqual({ tours: [], problems: [] });
  });

  it("reads only .json files, and names a file that is not JSON", async () => {
    const { tours, problems } = await readTours(dataFolder({ "notes.md": "# not a tour", "broken.json": "{ nope" }), loaded.dataset!);
    expect(tours).toEqual([]);
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^tours\/broken\.json › \(file\) › \(root\): cannot be read as JSON: /),
    ]);
  });
});
