import { describe, expect, it } from "vitest";
import { searchPatch, searchSays, yearsInSearch } from "./years-in-search";

const data = { first: 2014, last: 2025 };
const read = (search: string) => yearsInSearch(search, data);

describe("years written in a search", () => {
  it("become a window of whole years, the rest stays the search", () => {
    expect(read("Shanghai 2025")).toEqual({ text: "Shanghai", from: "2025", to: "2025" });
    expect(read("上海 2023–2025")).toEqual({ text: "上海", from: "2023", to: "2025" });
    expect(read("2019-2021 forum")).toEqual({ text: "forum", from: "2019", to: "2021" });
    expect(read("2024年")).toEqual({ text: "", from: "2024", to: "2024" });
  });

  it("read Chinese and English ways of writing them", () => {
    expect(read("上海2025年")).toEqual({ text: "上海", from: "2025", to: "2025" });
    expect(read("2023年至2025年 上海")).toEqual({ text: "上海", from: "2023", to: "2025" });
    expect(read("STEM 2023 to 2025")).toEqual({ text: "STEM", from: "2023", to: "2025" });
    expect(read("forum 2019 - 2021")).toEqual({ text: "forum", from: "2019", to: "2021" });
    expect(read("Shanghai in 2025")).toEqual({ text: "Shanghai", from: "2025", to: "2025" });
  });

  it("put a range written end first the right way round", () => {
    expect(read("2025–2023 STEM")).toEqual({ text: "STEM", from: "2023", to: "2025" });
  });

  it("are kept within the data's years; years wholly outside them stay words", () => {
    expect(read("2010-2030")).toEqual({ text: "", from: "2014", to: "2025" });
    expect(read("Education 2030")).toBeNull();
    expect(read("1999")).toBeNull();
    expect(yearsInSearch("Education 2030")).toEqual({ text: "Education", from: "2030", to: "2030" });
  });

  it("leave alone what is not one year or one range", () => {
    for (const search of ["Shanghai", "2019 2021", "2019-06", "06/2019", "ICHEI2016", "COVID-19", "Beijing 20255", "202"])
      expect(read(search), search).toBeNull();
  });

  it("leave no stray punctuation to search for", () => {
    expect(read("2025.")).toEqual({ text: "", from: "2025", to: "2025" });
    expect(read("Shanghai, 2025")).toEqual({ text: "Shanghai", from: "2025", to: "2025" });
    expect(read("上海，2023—2025年")).toEqual({ text: "上海", from: "2023", to: "2025" });
  });
});

describe("what the search box writes", () => {
  const before = { from: "2016", to: "2018" };
  it("writes the years' window, replacing the one the reader had", () => {
    expect(searchPatch("Shanghai 2025", before, data)).toEqual({ q: "Shanghai", from: "2025", to: "2025" });
  });
  it("gives the earlier window back when the search names no year", () => {
    expect(searchPatch(" Shanghai ", before, data)).toEqual({ q: "Shanghai", from: "2016", to: "2018" });
  });
});

describe("whether the box's text still says the URL's search", () => {
  const url = { q: "Shanghai", from: "2025", to: "2025" };
  it("keeps the typed year while the URL holds its window", () => {
    expect(searchSays("Shanghai 2025", url, data)).toBe(true);
    expect(searchSays("Shanghai", url, data)).toBe(true);
  });
  it("gives way when the window or the words changed elsewhere", () => {
    expect(searchSays("Shanghai 2025", { ...url, from: null, to: null }, data)).toBe(false);
    expect(searchSays("Beijing 2025", url, data)).toBe(false);
  });
});
