import { describe, expect, it } from "vitest";
import { facets, yearOptions } from "./facets";
import { EMPTY_QUERY } from "../query/query";
import { fixtureIndex } from "../data/test-fixtures";

const index = fixtureIndex();

describe("facets", () => {
  it("counts each value under the other filters, and marks chosen values", () => {
    const query = { ...EMPTY_QUERY, city: ["shanghai"], category: ["conference"] };
    const [category, city, country] = facets(index, query);
    // Categories are counted among Shanghai events; places among conference events.
    expect(category.options.map((o) => [o.id, o.count, o.active])).toEqual([
      ["conference", 2, true],
      ["founding", 0, false],
    ]);
    expect(city.options.map((o) => [o.id, o.count])).toEqual([
      ["shanghai", 2],
      ["dakar", 1],
      ["shenzhen", 1],
    ]);
    expect(country.options.find((o) => o.id === "sn")?.label).toBe("Senegal");
  });

  it("offers every year of the data with its count", () => {
    const years = yearOptions(index, { ...EMPTY_QUERY, from: "2023", to: "2023", city: ["shanghai"] });
    expect(years.map((y) => y.year)).toEqual(["2015", "2016", "2022", "2023", "2024", "2025"]);
    expect(years.find((y) => y.year === "2023")).toEqual({ year: "2023", count: 1, active: true });
    expect(years.find((y) => y.year === "2016")?.count).toBe(0);
  });
});
