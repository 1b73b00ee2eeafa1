import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
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

describe("event field rules", () => {
  it("wants placeCertainty with a place and refuses it without one", () => {
    expect(problemsAfter((raw) => delete raw.events[0].placeCertainty)).toEqual([
      'events.json › 2015-11-month › placeCertainty: needed with a place: "stated" or "inferred"',
    ]);
    expect(problemsAfter((raw) => (raw.events[2].placeCertainty = "stated"))).toEqual([
      "events.json › 2022-year › placeCertainty: only with a place: leave it out when the place is unknown or the event was online",
    ]);
  });

  it("wants titleZhSource with titleZh, and only with it", () => {
    expect(problemsAfter((raw) => delete raw.events[3].titleZhSource)).toEqual([
      'events.json › 2023-07-02-meeting › titleZhSource: needed with titleZh: "source" (verbatim from a document) or "translation"',
    ]);
    expect(problemsAfter((raw) => (raw.events[0].titleZhSource = "source"))).toEqual(["events.json › 2015-11-month › titleZhSource: only with titleZh"]);
    expect(problemsAfter((raw) => (raw.events[3].titleZhSource = "guess"))).toEqual([expect.stringMatching(/^events\.json › 2023-07-02-meeting › titleZhSource: /)]);
  });

  it("accepts dateCertainty stated or inferred, nothing else", () => {
    expect(problemsAfter((raw) => (raw.events[4].dateCertainty = "inferred"))).toEqual([]);
    expect(problemsAfter((raw) => (raw.events[4].dateCertainty = "approximate"))).toEqual([expect.stringMatching(/^events\.json › 2024-12-13-dakar › dateCertainty: /)]);
  });

  it("accepts the parts of a date inferred only with an inferred date, each once, and only parts the date has", () => {
    const inferred = (parts: unknown, certainty = "inferred") => (raw: RawDataset & { events: any[] }) => {
      raw.events[4].dateCertainty = certainty; // 2024-12-13-dakar, known to the day
      raw.events[4].dateInferred = parts;
    };
    expect(problemsAfter(inferred(["day"]))).toEqual([]);
    expect(problemsAfter(inferred(["month", "day"]))).toEqual([]);
    expect(problemsAfter(inferred(["day"], "stated"))).toEqual(['events.json › 2024-12-13-dakar › dateInferred: only with dateCertainty "inferred"']);
    expect(problemsAfter(inferred(["day", "day"]))).toEqual(["events.json › 2024-12-13-dakar › dateInferred: names a part twice"]);
    expect(problemsAfter(inferred([]))).toEqual(["events.json › 2024-12-13-dakar › dateInferred: names at least one part: year, month or day"]);
    expect(problemsAfter(inferred(["hour"]))).toEqual([expect.stringMatching(/^events\.json › 2024-12-13-dakar › dateInferred\.0: /)]);
    // 2015-11-month is known to the month: it has no day to infer.
    expect(
      problemsAfter((raw) => {
        raw.events[0].dateCertainty = "inferred";
        raw.events[0].dateInferred = ["day"];
      }),
    ).toEqual(["events.json › 2015-11-month › dateInferred: names day, which the date (2015-11) does not give"]);
  });

  it("wants figures as {value, qualifier?} with a known qualifier", () => {
    expect(problemsAfter((raw) => (raw.events[4].figures = { foreignExperts: { value: 2600, qualifier: "about" } }))).toEqual([]);
    expect(problemsAfter((raw) => (raw.events[4].figures = { foreignExperts: 2600 }))).toEqual([expect.stringMatching(/^events\.json › 2024-12-13-dakar › figures\.foreignExperts: /)]);
    expect(problemsAfter((raw) => (raw.events[4].figures = { foreignExperts: { value: 2600, qualifier: "roughly" } }))).toEqual([
      expect.stringMatching(/^events\.json › 2024-12-13-dakar › figures\.foreignExperts\.qualifier: /),
    ]);
  });
});

describe("quotes against source documents", () => {
  const DOC = "The centre was founded in Shenzhen on June 8, 2016. 上海会见 was its headline.";
  const texts = new Map([["doc.txt", DOC]]);
  const listed = [{ id: "doc", file: "doc.txt", title: "A document", titleSource: "supplied", language: ["en"] }];
  /** The fixture citing `doc.txt` with quotes found in it, plus one change. */
  function quoteProblems(change: (raw: any) => void = () => {}): string[] {
    const raw = structuredClone(fixtureDataset()) as any;
    for (const event of raw.events) event.sources = [{ document: "doc.txt", quote: "founded in Shenzhen" }];
    raw.sources = structuredClone(listed);
    change(raw);
    return validateDataset(raw, texts).problems.map(formatProblem);
  }

  it("accepts quotes found verbatim", () => {
    expect(quoteProblems()).toEqual([]);
  });

  it("reports a quote changed by one word, naming event, quote and document", () => {
    expect(quoteProblems((raw) => (raw.events[1].sources[0].quote = "established in Shenzhen"))).toEqual([
      "events.json › 2016-06-08-founded › sources.0.quote: not found verbatim in sources/doc.txt",
    ]);
  });

  it("reports a document missing from sources.json", () => {
    expect(quoteProblems((raw) => raw.events[1].sources.push({ document: "other.txt", quote: "anything" }))).toEqual([
      'events.json › 2016-06-08-founded › sources.1.document: unknown document "other.txt" (not in sources.json)',
    ]);
  });

  it("checks a Chinese title said to be verbatim against the cited documents", () => {
    expect(quoteProblems((raw) => (raw.events[3].titleZhSource = "source"))).toEqual([]);
    expect(quoteProblems((raw) => Object.assign(raw.events[3], { titleZh: "上海会谈", titleZhSource: "source" }))).toEqual([
      "events.json › 2023-07-02-meeting › titleZh: marked as from a source, but no cited document contains it verbatim",
    ]);
  });

  it("validates sources.json itself", () => {
    expect(quoteProblems((raw) => (raw.sources[0].language = ["English"]))).toEqual([expect.stringMatching(/^sources\.json › doc › language\.0: /)]);
    expect(quoteProblems((raw) => raw.sources.push({ ...listed[0], id: "again" }))).toEqual(['sources.json › again › file: "doc.txt" is listed twice']);
  });

  it("takes only http(s) addresses for a document's url, naming file › record › field", () => {
    for (const url of ["javascript:alert(1)", "JavaScript:alert(document.domain)", "data:text/html,<script>alert(1)</script>", "ftp://example.org/a.txt", "//example.org/a", " https://example.org/a", "https:example.org"]) {
      expect(quoteProblems((raw) => (raw.sources[0].url = url)), url).toEqual([expect.stringMatching(/^sources\.json › doc › url: must be an http\(s\) address/)]);
    }
    for (const url of ["https://en.unesco.org/news/a?b=1#c", "http://example.org/"]) expect(quoteProblems((raw) => (raw.sources[0].url = url)), url).toEqual([]);
  });

  it("leaves quotes unchecked when the folder has no sources.json", () => {
    const raw = structuredClone(fixtureDataset()) as unknown as RawDataset;
    expect(validateDataset(raw, texts).problems).toEqual([]);
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

  it("reads sources.json and the documents in sources/, refusing a quote not in its document", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "events-"));
    const data = fixtureDataset();
    for (const event of data.events) event.sources = [{ document: "doc.txt", quote: "founded in Shenzhen" }];
    data.sources = [{ id: "doc", file: "doc.txt", title: "A document", titleSource: "supplied", language: ["en"] }];
    for (const [name, value] of Object.entries(data)) writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(value));
    expect((await readDatasetDir(dir)).problems.map(formatProblem)).toEqual([`sources.json › doc › file: missing file sources/doc.txt in ${dir}`]);
    mkdirSync(path.join(dir, "sources"));
    writeFileSync(path.join(dir, "sources", "doc.txt"), "It was founded in Shenzhen.");
    const ok = await readDatasetDir(dir);
    expect(ok.problems).toEqual([]);
    expect(ok.dataset?.sources?.map((s) => s.id)).toEqual(["doc"]);
    expect(ok.sourceTexts.get("doc.txt")).toBe("It was founded in Shenzhen.");
    writeFileSync(path.join(dir, "sources", "doc.txt"), "It was founded in Shanghai.");
    expect((await readDatasetDir(dir)).problems).toHaveLength(data.events.length);
  });

  it("reads the bundled data folder with every quote verified", async () => {
    const result = await readDatasetDir(path.resolve("data"));
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.sourceTexts.size).toBe(result.dataset!.sources!.length);
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
