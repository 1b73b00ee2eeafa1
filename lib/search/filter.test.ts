import { describe, expect, it } from "vitest";
import { countBy, facetBase, filterEvents, filtersExcluding } from "./filter";
import { EMPTY_QUERY, type Query } from "../query/query";
import { fixtureIndex } from "../data/test-fixtures";

const index = fixtureIndex();
const ids = (patch: Partial<Query>) => filterEvents(index, { ...EMPTY_QUERY, ...patch }).map((e) => e.id);

describe("filterEvents", () => {
  it("returns every event in date order when nothing is filtered", () => {
    expect(ids({})).toEqual([
      "2015-11-month",
      "2016-06-08-founded",
      "2022-year",
      "2023-07-02-meeting",
      "2024-12-13-dakar",
      "2025-10-13-span",
    ]);
  });

  it("matches a month-precision event against a window ending inside that month", () => {
    expect(ids({ to: "2015-11-05" })).toEqual(["2015-11-month"]);
    expect(ids({ to: "2015-10-31" })).toEqual([]);
  });

  it("matches year-precision events and spans by overlap", () => {
    expect(ids({ from: "2022-06-01", to: "2022-06-30" })).toEqual(["2022-year"]);
    expect(ids({ from: "2025-10-15", to: "2025-12" })).toEqual(["2025-10-13-span"]);
    expect(ids({ from: "2025-10-16" })).toEqual([]);
  });

  it("combines parameters with AND and values with OR", () => {
    expect(ids({ city: ["shanghai", "dakar"] })).toEqual(["2023-07-02-meeting", "2024-12-13-dakar", "2025-10-13-span"]);
    expect(ids({ city: ["shanghai", "dakar"], from: "2024" })).toEqual(["2024-12-13-dakar", "2025-10-13-span"]);
    expect(ids({ country: ["sn"] })).toEqual(["2024-12-13-dakar"]);
    expect(ids({ category: ["founding"], city: ["shanghai"] })).toEqual([]);
    expect(ids({ org: ["unesco-ichei"] })).toEqual(["2015-11-month"]);
  });

  it("searches English and Chinese titles, summaries, places, organizations and people, ignoring case", () => {
    expect(ids({ q: "上海" })).toEqual(["2023-07-02-meeting", "2025-10-13-span"]);
    expect(ids({ q: "giannini" })).toEqual(["2023-07-02-meeting"]);
    expect(ids({ q: "stem" })).toEqual(["2024-12-13-dakar"]);
    expect(ids({ q: "联合国教科文组织" })).toHaveLength(4);
    expect(ids({ q: "centre FOUNDED" })).toEqual(["2016-06-08-founded"]);
  });

  it("lets a live window override the URL's from/to while scrubbing", () => {
    const query = { ...EMPTY_QUERY, from: "2015" };
    const live = { startMs: Date.UTC(2016, 0, 1), endMs: Date.UTC(2016, 11, 31) };
    expect(filterEvents(index, query, live).map((e) => e.id)).toEqual(["2016-06-08-founded"]);
  });
});

describe("facet counts", () => {
  it("counts each facet's values under every other active filter", () => {
    const query = { ...EMPTY_QUERY, city: ["shanghai"], from: "2025" };
    expect(Object.fromEntries(countBy(facetBase(index, query, "city"), "city", index))).toEqual({ shanghai: 1 });
    expect(Object.fromEntries(countBy(facetBase(index, query, "time"), "year", index))).toEqual({ "2023": 1, "2025": 1 });
  });
});

describe("the unmapped filter", () => {
  it("keeps only the events without a mapped place, with the other filters", () => {
    expect(ids({ unmapped: true })).toEqual(["2022-year"]);
    expect(ids({ unmapped: true, city: ["shanghai"] })).toEqual([]);
    expect(ids({ unmapped: true, to: "2021" })).toEqual([]);
  });
});

describe("filtersExcluding", () => {
  const event = (id: string) => index.eventById.get(id)!;
  const excluding = (id: string, patch: Partial<Query>) => filtersExcluding(index, { ...EMPTY_QUERY, ...patch }, event(id));

  it("names the filters that leave an event out, and only those", () => {
    // A Shenzhen event in a Shanghai view of 2023–2025: place and time both leave it out; the country does not.
    expect(excluding("2016-06-08-founded", { city: ["shanghai"], country: ["cn"], from: "2023", to: "2025" })).toEqual(["time", "city"]);
    expect(excluding("2016-06-08-founded", { category: ["conference"], q: "founded" })).toEqual(["category"]);
    expect(excluding("2016-06-08-founded", { q: "Dakar", unmapped: true })).toEqual(["unmapped", "q"]);
  });

  it("is empty for an event the query matches", () => {
    expect(excluding("2023-07-02-meeting", { city: ["shanghai"], from: "2023" })).toEqual([]);
    expect(excluding("2022-year", {})).toEqual([]);
  });
});
