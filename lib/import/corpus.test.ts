import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importFiles, type ImportFile } from "./import";
import type { ImportProblem } from "./problems";
import { loadWorldGazetteer } from "./world-cities";

/**
 * The corpus: small files, each seeded with faults (or none: the `clean*` twins), and beside each
 * its expected problems (`<file>.expected.json`, golden). `UPDATE_GOLDEN=1` rewrites the goldens;
 * review the diff. Binary fixtures come from `corpus/make-fixtures.ts`.
 */
const CORPUS = path.join(import.meta.dirname, "corpus");
const fixtures = readdirSync(CORPUS).filter((name) => !name.endsWith(".expected.json") && !name.endsWith(".ts") && !name.endsWith(".md"));

function readFixture(name: string): ImportFile[] {
  const file = path.join(CORPUS, name);
  if (statSync(file).isDirectory()) return readdirSync(file).map((f) => ({ name: f, bytes: readFileSync(path.join(file, f)) }));
  return [{ name, bytes: readFileSync(file) }];
}

/** What a golden keeps of a problem: everything but the wording, which may be improved freely. */
const golden = (p: ImportProblem) => ({
  severity: p.severity,
  sheet: p.sheet,
  row: p.row,
  column: p.column,
  columnLetter: p.columnLetter,
  value: p.value,
  code: p.code,
});

const importFixture = (name: string) => importFiles(readFixture(name), { gazetteer: loadWorldGazetteer });

// The first test to need the gazetteer loads it (about a second, more on a busy machine).
describe("the import corpus", { timeout: 30_000 }, () => {
  it("has at least 30 fixtures", () => expect(fixtures.length).toBeGreaterThanOrEqual(30));

  it.each(fixtures)("%s reports its expected problems", async (name) => {
    const { problems, dataset, summary } = await importFixture(name);
    const expectedFile = path.join(CORPUS, `${name}.expected.json`);
    if (process.env.UPDATE_GOLDEN) writeFileSync(expectedFile, JSON.stringify(problems.map(golden), null, 2) + "\n");
    expect(existsSync(expectedFile), `${expectedFile} is missing`).toBe(true);
    expect(problems.map(golden)).toEqual(JSON.parse(readFileSync(expectedFile, "utf8")));
    // Every problem has both messages; an error refuses the whole import, a warning does not.
    for (const p of problems) expect(p.message && p.messageZh).toBeTruthy();
    expect(dataset === null).toBe(summary.errors > 0);
    if (name.startsWith("clean")) {
      expect(problems).toEqual([]);
      expect(dataset?.events.length).toBeGreaterThan(0);
    }
  });
});

describe("what the clean fixtures read", { timeout: 30_000 }, () => {
  it("tells the encoding", async () => {
    const encodings = await Promise.all(
      ["clean.csv", "clean-bom.csv", "clean-utf16le.csv", "clean-utf16be.csv", "clean-gb18030.csv"].map(
        async (f) => (await importFixture(f)).summary.encoding,
      ),
    );
    expect(encodings).toEqual(["UTF-8", "UTF-8 with BOM", "UTF-16 LE (BOM)", "UTF-16 BE (BOM)", "GB18030"]);
  });

  it("reads Chinese text the same in every encoding", async () => {
    for (const file of ["clean-utf16le.csv", "clean-utf16be.csv", "clean-gb18030.csv"]) {
      const { dataset } = await importFixture(file);
      expect(dataset!.events[0].titleZh, file).toBe("世界教育论坛");
      expect(dataset!.places.find((p) => p.id === "shenzhen")?.nameZh, file).toBe("深圳");
      expect(dataset!.events[1].organizations, file).toEqual(["unesco", "ichei"]);
    }
  });

  it("reads every date form into the dataset's form", async () => {
    const { dataset } = await importFixture("date-forms.csv");
    expect(Object.fromEntries(dataset!.events.map((e) => [e.id, e.end ? `${e.start}/${e.end}` : e.start]))).toEqual({
      slash: "2015-05-18/2015-05-20",
      chinese: "2015-05-18",
      "day-first": "2015-05-18",
      "month-first": "2015-05-18",
      same: "2015-06-06",
      month: "2015-05",
    });
  });

  it("reads .xlsx date cells, their precision from the number format, and a formula's value", async () => {
    const { dataset: clean } = await importFixture("clean.xlsx");
    expect(clean!.events.map((e) => [e.start, e.end])).toEqual([
      ["2015-05-18", "2015-05-21"],
      ["2016", undefined],
      ["2020-04", undefined],
    ]);
    expect(clean!.organizations).toContainEqual({ id: "ichei", name: "UNESCO-ICHEI", nameZh: "联合国教科文组织高等教育创新中心" });
    const { problems } = await importFixture("excel-cells.xlsx");
    expect(problems.find((p) => p.code === "formula-cell")?.value).toBe("2015-05-21");
    expect(problems.filter((p) => p.row === 2 || p.row === 3)).toEqual([]);
  });

  it("resolves bare place names in the gazetteer, naming the candidates", async () => {
    const { dataset, problems } = await importFixture("gazetteer-place.csv");
    expect(dataset!.places.map((p) => [p.id, p.country])).toEqual([
      ["lahore", "pk"],
      ["paris", "fr"],
    ]);
    expect(problems.find((p) => p.value === "Paris")?.message).toMatch(/other places of that name: Paris, us/);
    const ambiguous = (await importFixture("ambiguous-place.csv")).problems;
    expect(ambiguous.map((p) => p.message)).toEqual([
      expect.stringMatching(/"Springfield" names several places: Springfield, us/),
      expect.stringMatching(/"Springfield" names several places: Springfield, us/),
    ]);
    const unknown = (await importFixture("unknown-place.csv")).problems;
    expect(unknown[0].suggestion).toMatch(/^Did you mean shanghai/);
  });
});
