import { describe, expect, it } from "vitest";
import { CSV_COLUMNS, CSV_DERIVED_COLUMNS } from "../export/csv";
import { SHEETS, SKIPPED_COLUMNS, headerIndex, normalizeName } from "./columns";
import { readDate } from "./dates";
import { spreadsheetDate } from "./dates";
import { columnLetter } from "./problems";

describe("the import template is the CSV export", () => {
  it("reads every data column the export writes, and skips exactly its derived ones", () => {
    const known = headerIndex("events");
    const data = CSV_COLUMNS.map((c) => c.name).filter((name) => !CSV_DERIVED_COLUMNS.includes(name));
    expect(data.filter((name) => known.get(normalizeName(name)) !== name)).toEqual([]);
    expect(SKIPPED_COLUMNS).toEqual(CSV_DERIVED_COLUMNS);
  });

  it("matches headers whatever their case, spaces and underscores, in English or Chinese", () => {
    const known = headerIndex("events");
    for (const [header, key] of [
      ["Title ZH", "title_zh"],
      ["titleZh", "title_zh"],
      ["PLACE_CERTAINTY", "place_certainty"],
      ["开始", "start"],
      ["中文标题", "title_zh"],
      ["Latitude", "lat"],
    ]) {
      expect(known.get(normalizeName(header)), header).toBe(key);
    }
  });

  it("gives each alias to one column only", () => {
    for (const kind of Object.keys(SHEETS) as (keyof typeof SHEETS)[]) {
      const names = Object.entries(SHEETS[kind].columns).flatMap(([key, aliases]) => [key, ...aliases].map(normalizeName));
      expect(new Set(names).size, kind).toBe(names.length);
    }
  });
});

describe("readDate", () => {
  it.each([
    ["2015", "2015"],
    ["2015-05", "2015-05"],
    ["2015-5-8", "2015-05-08"],
    ["2015/5/18", "2015-05-18"],
    ["2015年5月18日", "2015-05-18"],
    ["2015年5月", "2015-05"],
    ["２０１５年５月", "2015-05"],
    ["18/5/2015", "2015-05-18"],
    ["5/18/2015", "2015-05-18"],
    ["6.6.2015", "2015-06-06"],
  ])("%s → %s", (text, date) => expect(readDate(text)).toEqual({ ok: true, date }));

  it("refuses a day-month order it cannot tell, with both readings", () => {
    expect(readDate("05/06/2015")).toEqual({ ok: false, code: "ambiguous-date", a: "2015-06-05", b: "2015-05-06" });
  });

  it("refuses what is not a date", () => {
    for (const text of ["May 2015", "15", "2015-05-18 to 2015-05-20", "yesterday"]) expect(readDate(text).ok, text).toBe(false);
  });

  it("reads a spreadsheet date at the precision its format shows", () => {
    const day = new Date(Date.UTC(2015, 4, 18));
    expect([
      spreadsheetDate(day),
      spreadsheetDate(day, "yyyy-mm-dd"),
      spreadsheetDate(day, "mmm yyyy"),
      spreadsheetDate(day, 'yyyy"年"'),
    ]).toEqual(["2015-05-18", "2015-05-18", "2015-05", "2015"]);
  });
});

it("names columns as a spreadsheet does", () => {
  expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
});
