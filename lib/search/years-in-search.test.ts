import path from "node:path";
import { describe, expect, it } from "vitest";
import { readDatasetDir } from "../data/read-dataset";
import { indexDataset } from "../data/dataset";
import { vocabularyOf } from "../data/vocabulary";
import { filterEvents } from "./filter";
import { parseQuery } from "../query/parse";

// The bundled dataset, as the server loads it: "Shanghai 2025" is the question issue 20 was asked with.
const loaded = await readDatasetDir(path.resolve(import.meta.dirname, "../../data"));
const index = indexDataset(loaded.dataset!, loaded.sourceTexts);
const vocabulary = vocabularyOf(index);
const matches = (search: string) => {
  const { query, issues } = parseQuery(new URLSearchParams(search), vocabulary);
  expect(issues).toEqual([]);
  return filterEvents(index, query).map((e) => e.id);
};

describe("a year in the search, on the bundled data", () => {
  it("lists the five Shanghai events of 2025 for “Shanghai 2025” and “上海 2025”", () => {
    const ids = matches("q=Shanghai 2025");
    expect(ids).toHaveLength(5);
    for (const id of ids) {
      const event = index.eventById.get(id)!;
      expect(event.place).toBe("shanghai");
      expect(event.start.slice(0, 4)).toBe("2025");
    }
    expect(matches("q=上海 2025")).toEqual(ids);
  });

  it("lists the Shanghai events of 2023–2025 for “上海 2023–2025”", () => {
    const inShanghai = index.events.filter((e) => e.place === "shanghai" && e.endYear >= 2023 && e.startYear <= 2025);
    expect(matches("q=上海 2023–2025")).toEqual(inShanghai.map((e) => e.id));
  });

  it("answers as the same search with the window given explicitly", () => {
    expect(matches("q=Shanghai 2025")).toEqual(matches("q=Shanghai&from=2025&to=2025"));
    expect(matches("q=上海 2023–2025")).toEqual(matches("q=上海&from=2023&to=2025"));
    const { query } = parseQuery(new URLSearchParams("q=Shanghai 2025"), vocabulary);
    expect([query.q, query.from, query.to]).toEqual(["Shanghai", "2025", "2025"]);
  });

  it("keeps the year as words when the URL gives a window of its own", () => {
    const { query } = parseQuery(new URLSearchParams("q=Shanghai 2025&from=2016"), vocabulary);
    expect([query.q, query.from, query.to]).toEqual(["Shanghai 2025", "2016", null]);
  });
});
