import { describe, expect, it } from "vitest";
import { parseQuery } from "../query/parse";
import { fixtureIndex, fixtureStore } from "../data/test-fixtures";
import { urlNotices } from "./url-notices";
import { vocabularyOf } from "../data/vocabulary";

const index = fixtureIndex();
const notice = (qs: string) => {
  const { query, issues } = parseQuery(new URLSearchParams(qs), vocabularyOf(index));
  return urlNotices(issues, query, fixtureStore().extent);
};

describe("urlNotices", () => {
  it("says nothing about a link it shows as written", () => {
    expect(notice("city=shanghai&from=2023&to=2025&q=stem")).toBeNull();
    expect(notice("")).toBeNull();
  });

  it("names each ignored value and why, and links to the link without them", () => {
    expect(notice("city=atlantis,shanghai&category=nope&from=2023-13&event=no-such-event")).toEqual({
      lines: [
        "Ignored: from=2023-13 (not a valid value)",
        "Ignored: city=atlantis (unknown place)",
        "Ignored: category=nope (unknown category)",
        "Ignored: event=no-such-event (no such event)",
      ],
      link: { href: "?city=shanghai", text: "Open the corrected link" },
    });
  });

  it("says a window written end first was swapped, and shows it the right way round", () => {
    expect(notice("from=2024&to=2016")).toEqual({
      lines: ["from and to were swapped: showing 2016–2024"],
      link: { href: "?from=2016&to=2024", text: "Open the corrected link" },
    });
  });

  it("says a window beyond the data cannot match, and offers all dates", () => {
    expect(notice("from=2030&city=shanghai")).toEqual({
      lines: ["from=2030 is after the last event (15 Oct 2025), so nothing can match"],
      link: { href: "?city=shanghai", text: "Show all dates" },
    });
    expect(notice("to=2010")?.lines).toEqual(["to=2010 is before the first event (November 2015), so nothing can match"]);
    expect(notice("from=2025-10-15")).toBeNull();
  });

  it("speaks the reader's language", () => {
    expect(notice("city=atlantis&lang=zh")?.lines).toEqual(["已忽略：city=atlantis（未知地点）"]);
    expect(notice("from=2024&to=2016&lang=zh")?.lines[0]).toMatch(/^from 与 to 已对调：显示 2016/);
  });

  it("shortens a long value rather than repeating it whole", () => {
    const line = notice(`event=${"x".repeat(300)}`)!.lines[0];
    expect(line.length).toBeLessThan(80);
  });
});
