import { describe, expect, it } from "vitest";
import { indexDataset } from "../data/dataset";
import { fixtureDataset } from "../data/test-fixtures";
import { coverageOf } from "./coverage";

/** The fixture's six events (2015–2025, two without a place), cited as a small real dataset would be. */
function dataset() {
  const data = fixtureDataset();
  data.sources = [
    { id: "about", file: "about.txt", title: "About Us", titleSource: "document", publisher: "A centre", language: ["en"] },
    { id: "list", file: "list.txt", title: "A list", titleSource: "supplied", language: ["en", "zh-Hans"] },
    { id: "unused", file: "unused.txt", title: "Cited by nothing", titleSource: "supplied", language: ["en"] },
  ];
  const [month, founded, year, meeting, dakar, span] = data.events;
  month.sources = [{ document: "about.txt", quote: "a" }];
  founded.sources = [
    { document: "about.txt", quote: "b" },
    { document: "about.txt", quote: "c" },
  ];
  year.sources = [{ document: "about.txt", quote: "d" }];
  meeting.sources = [
    { document: "list.txt", quote: "e" },
    { document: "about.txt", quote: "f" },
  ];
  dakar.sources = [{ document: "list.txt", quote: "g" }];
  span.sources = [{ document: "unlisted.txt", quote: "h" }];
  return data;
}

describe("what the dataset covers", () => {
  const coverage = coverageOf(indexDataset(dataset()));

  it("counts the events, the years they span and those without a place", () => {
    expect(coverage.events).toBe(6);
    expect(coverage.years).toEqual({ first: 2015, last: 2025 });
    expect(coverage.unmapped).toBe(1);
    expect(coverage.cited).toBe(3);
  });

  it("counts, per document, the events citing it, those citing it alone, its quotes and their years; most events first", () => {
    const rows = coverage.documents.map((d) => [d.file, d.events, d.only, d.quotes, d.years && `${d.years.first}–${d.years.last}`]);
    expect(rows).toEqual([
      ["about.txt", 4, 3, 5, "2015–2023"],
      ["list.txt", 2, 1, 2, "2023–2024"],
      ["unlisted.txt", 1, 1, 1, "2025–2025"],
      ["unused.txt", 0, 0, 0, null],
    ]);
  });

  it("keeps each listed document's entry, and none for a file the dataset does not list", () => {
    expect(coverage.documents[0].document?.title).toBe("About Us");
    expect(coverage.documents.find((d) => d.file === "unlisted.txt")?.document).toBeUndefined();
  });

  it("has nothing to say about an empty dataset but that", () => {
    expect(coverageOf(indexDataset({ ...dataset(), events: [], sources: [] }))).toEqual({
      events: 0,
      years: null,
      unmapped: 0,
      documents: [],
      cited: 0,
    });
  });
});
