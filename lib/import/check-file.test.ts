import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LIMITS } from "./limits";
import { checkFile, LISTED_PROBLEMS, type CheckStage } from "./check-file";

const corpus = (name: string) => {
  const bytes = new Uint8Array(readFileSync(path.join(import.meta.dirname, "corpus", name)));
  return { name, size: bytes.length, bytes: async () => bytes };
};

describe("checkFile (what the page /import shows)", () => {
  it("shapes a clean file: counts, events per year, places, the four files to download", async () => {
    const check = await checkFile(corpus("clean.csv"));
    expect(check.problems).toEqual([]);
    expect(check.problemsCsv).toBeNull();
    expect(check.summary.events).toBeGreaterThan(0);
    expect(check.years.reduce((n, y) => n + y.events, 0)).toBe(check.summary.events);
    expect(check.years.map((y) => y.year)).toEqual([...check.years.map((y) => y.year)].sort());
    expect(check.places[0]).toMatchObject({ name: expect.any(String), nameZh: expect.any(String) });
    // The map has every place, most events first, each with its coordinates.
    expect(check.map.total).toBe(check.summary.places);
    expect(check.map.places[0]).toMatchObject({ lat: expect.any(Number), lon: expect.any(Number), events: check.places[0].events });
    expect(check.files.map((f) => f.name)).toEqual(["events.json", "places.json", "organizations.json", "categories.json"]);
    const events = JSON.parse(await check.files[0].blob.text()) as unknown[];
    expect(events).toHaveLength(check.summary.events);
  });

  it("keeps every problem, and their CSV, and nothing to download, when errors refuse the file", async () => {
    const check = await checkFile(corpus("bad-dates.csv"));
    expect(check.problems[0]).toMatchObject({ row: 2, column: "start", columnLetter: "B", code: "bad-date" });
    expect(check.files).toEqual([]);
    expect(await check.problemsCsv!.text()).toContain("severity,sheet,row,column,column_letter,value,code,message");
  });

  it("refuses a file over the limit by its size, without reading it", async () => {
    let read = false;
    const size = LIMITS.maxFileBytes + 1;
    const check = await checkFile({ name: "huge.csv", size, bytes: async () => ((read = true), new Uint8Array()) });
    expect(read).toBe(false);
    expect(check.problems.map((p) => p.code)).toEqual(["too-large"]);
  });

  it("tells how far it is through every stage of a long file, each stage from near 0 to near 1", async () => {
    const rows = Array.from(
      { length: 2500 },
      (_, i) => `e${i},2015-05-18,Forum ${i},A forum.,incheon,Incheon,仁川,kr,37.456,126.7052,conference,unesco,"report.txt: ""held"""`,
    );
    const header = "id,start,title,summary,place_id,place,place_zh,country,lat,lon,category,organizations,sources";
    const bytes = new TextEncoder().encode([header, ...rows].join("\n"));
    const reports: [CheckStage, number][] = [];
    const check = await checkFile({ name: "long.csv", size: bytes.length, bytes: async () => bytes }, (stage, f) =>
      reports.push([stage, f]),
    );
    expect(check.summary.errors).toBe(0);
    const stages = [...new Set(reports.map(([stage]) => stage))];
    expect(stages).toEqual(["reading", "parsing", "rows", "validating", "files"]);
    for (const stage of stages) {
      const fractions = reports.filter(([s]) => s === stage).map(([, f]) => f);
      // Under a megabyte, the text is decoded in one step.
      expect(fractions.length, stage).toBeGreaterThanOrEqual(stage === "reading" ? 1 : 2);
      expect(fractions, stage).toEqual([...fractions].sort((a, b) => a - b));
      expect(fractions[0], stage).toBeGreaterThan(0);
      expect(fractions.at(-1), stage).toBeLessThanOrEqual(1);
    }
  });

  it("lists only the first problems of a long file", async () => {
    // 2,500 rows, each with a date the importer cannot read.
    const rows = Array.from({ length: 2500 }, (_, i) => `e${i},someday,Title ${i},A summary.,meeting,"a.txt: ""quote"""`);
    const bytes = new TextEncoder().encode(["id,start,title,summary,category,sources", ...rows].join("\n"));
    const check = await checkFile({ name: "long.csv", size: bytes.length, bytes: async () => bytes });
    expect(check.problemCount).toBeGreaterThanOrEqual(2500);
    expect(check.problems).toHaveLength(LISTED_PROBLEMS);
  });
});
