import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readDatasetDir } from "./read-dataset";
import { fixtureDataset } from "./test-fixtures";
import { formatProblem, validateDataset, type RawDataset } from "./validate";

/** The fixture with one change applied, then the problems it produces as printed lines. */
function problemsAfter(change: (raw: RawDataset & { events: any[]; places: any[] }) => void): string[] {
  const raw = structuredClone(fixtureDataset()) as unknown as RawDataset & { events: any[]; places: any[] };
  change(raw);
  const result = validateDataset(raw);
  return result.problems.map(formatProblem);
}

describe("validateDataset", () => {
  it("accepts the fixture", () => {
    expect(validateDataset(fixtureDataset() as unknown as RawDataset).problems).toEqual([]);
  });

  it("names file, record and field for a schema error", () => {
    expect(problemsAfter((raw) => (raw.events[1].start = "2016-02-30"))).toEqual([
      "events.json › 2016-06-08-founded › start: is not a real calendar day",
    ]);
    expect(problemsAfter((raw) => delete raw.events[0].sources)).toEqual([expect.stringMatching(/^events\.json › 2015-11-month › sources: /)]);
    expect(problemsAfter((raw) => (raw.events[0].sources = []))).toEqual(["events.json › 2015-11-month › sources: needs at least one source"]);
  });

  it("uses the record's index when it has no id", () => {
    expect(problemsAfter((raw) => delete raw.events[2].id)).toEqual([expect.stringMatching(/^events\.json › #2 › id: /)]);
  });

  it("reports duplicate ids", () => {
    expect(problemsAfter((raw) => (raw.events[1].id = raw.events[0].id))).toEqual(['events.json › 2015-11-month › id: duplicate id "2015-11-month"']);
  });

  it("reports references to unknown places, categories and organizations", () => {
    const problems = problemsAfter((raw) => {
      raw.events[0].place = "atlantis";
      raw.events[1].category = "party";
      raw.events[2].organizations = ["unesco", "nobody"];
    });
    expect(problems).toEqual([
      'events.json › 2015-11-month › place: unknown place "atlantis" (not in places.json)',
      'events.json › 2016-06-08-founded › category: unknown category "party" (not in categories.json)',
      'events.json › 2022-year › organizations.1: unknown organization "nobody" (not in organizations.json)',
    ]);
  });

  it("reports an end before the start, and coordinates out of range", () => {
    const problems = problemsAfter((raw) => {
      raw.events[5].end = "2025-10-12";
      raw.places[0].lat = 95;
    });
    expect(problems).toContain("events.json › 2025-10-13-span › end: end 2025-10-12 is before start 2025-10-13");
    expect(problems).toContainEqual(expect.stringMatching(/^places\.json › shanghai › lat: /));
  });

  it("refuses a file that is not an array", () => {
    expect(problemsAfter((raw) => (raw.places = { shanghai: 1 } as never))).toContain("places.json › (file) › (root): must be a JSON array of records");
  });
});

describe("readDatasetDir", () => {
  it("reads a folder of valid files", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "events-"));
    const data = fixtureDataset();
    for (const [name, value] of Object.entries(data)) writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(value));
    const result = await readDatasetDir(dir);
    expect(result.problems).toEqual([]);
    expect(result.dataset?.events).toHaveLength(data.events.length);
  });

  it("refuses the whole dataset when a file is missing or not JSON", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "events-"));
    const data = fixtureDataset();
    writeFileSync(path.join(dir, "events.json"), JSON.stringify(data.events));
    writeFileSync(path.join(dir, "places.json"), "[{");
    writeFileSync(path.join(dir, "categories.json"), JSON.stringify(data.categories));
    const result = await readDatasetDir(dir);
    expect(result.dataset).toBeNull();
    const lines = result.problems.map(formatProblem);
    expect(lines).toContainEqual(expect.stringMatching(/^places\.json › \(file\) › \(root\): cannot be read as JSON/));
    expect(lines).toContainEqual(expect.stringMatching(/^organizations\.json › \(file\) › \(root\): missing file/));
  });
});
