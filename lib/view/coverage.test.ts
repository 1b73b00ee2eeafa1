import { describe, expect, it } from "vitest";
import { indexDataset } from "../data/dataset";
import { fixtureDataset } from "../data/test-fixtures";
import type { SourceDocument } from "../data/schema";
import { coverageLine, datasetCoverage, documentFacts, yearSpan } from "./coverage";

const about: SourceDocument = {
  id: "about",
  file: "about.txt",
  title: "About Us",
  titleSource: "document",
  publisher: "UNESCO-ICHEI",
  language: ["en"],
};
const list: SourceDocument = { id: "list", file: "list.txt", title: "A list", titleSource: "supplied", language: ["en", "zh-Hans"] };

/** Four of the fixture's six events from "About Us", two from the list. */
function index() {
  const data = fixtureDataset();
  data.sources = [about, list];
  data.events.forEach((e, i) => (e.sources = [{ document: i < 4 ? "about.txt" : "list.txt", quote: "q" }]));
  return indexDataset(data);
}

describe("the coverage line", () => {
  it("says how many events, from how many documents, and how many the largest one holds", () => {
    const coverage = datasetCoverage(index());
    expect(coverageLine(coverage, "en")).toEqual({
      line: "6 events from 2 documents",
      largest: "4 of them from “About Us” (UNESCO-ICHEI)",
    });
    expect(coverageLine(coverage, "zh")).toEqual({
      line: "共 6 个事件，来自 2 份文件",
      largest: "其中 4 个来自“About Us”（UNESCO-ICHEI）",
    });
  });

  it("names no largest document when there is only one", () => {
    const data = fixtureDataset();
    data.sources = [list];
    data.events.forEach((e) => (e.sources = [{ document: "list.txt", quote: "q" }]));
    expect(coverageLine(datasetCoverage(indexDataset(data)), "en")).toEqual({ line: "6 events from 1 document", largest: null });
  });

  it("is counted once per dataset version", () => {
    const one = index();
    expect(datasetCoverage(one)).toBe(datasetCoverage(one));
    expect(datasetCoverage(index())).not.toBe(datasetCoverage(one));
  });

  it("writes a span of years, or a single year", () => {
    expect(yearSpan({ first: 2014, last: 2025 })).toBe("2014–2025");
    expect(yearSpan({ first: 2025, last: 2025 })).toBe("2025");
    expect(yearSpan(null)).toBe("");
  });
});

describe("what a document is and is not", () => {
  it("says what its entry states, and names what it does not", () => {
    expect(documentFacts(about, "en")).toEqual({
      is: "A document in English, with a title of its own, published by UNESCO-ICHEI.",
      isNot: "It states no date or address.",
    });
    expect(documentFacts(list, "en")).toEqual({
      is: "A document in English and Simplified Chinese, titled by this project.",
      isNot: "It states no title, publisher, date, or address.",
    });
    expect(documentFacts(list, "zh")).toEqual({
      is: "英语和简体中文文件，标题由本项目拟定。",
      isNot: "文件未注明标题、发布者、日期或地址。",
    });
  });

  it("says nothing is missing when the entry states everything", () => {
    const full = { ...about, date: "2023-07-03", url: "https://example.org/about" };
    expect(documentFacts(full, "en")).toEqual({
      is: "A document in English, with a title of its own, published by UNESCO-ICHEI, dated 3 Jul 2023.",
      isNot: null,
    });
  });
});
