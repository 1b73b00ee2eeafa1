import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";
import { toIcs } from "./ics";
import { exportFixtureIndex } from "../data/test-fixtures";

const index = exportFixtureIndex();

describe("exports in Chinese", () => {
  it("write Chinese titles and names where the data has them, with the same CSV header", () => {
    const events = index.events;
    const [enHeader] = toCsv(events, index).split("\r\n");
    const [zhHeader] = toCsv(events, index, "zh").split("\r\n");
    expect(zhHeader).toBe(enHeader);
    const ics = toIcs(events, index, { calendarName: "日历", dtstamp: new Date(0), lang: "zh" });
    expect(ics).toContain("SUMMARY:联合国教科文组织高等教育创新中心成立");
    expect(ics).toContain("LOCATION:北京\\, CN");
    expect(toCsv(events, index, "zh")).toContain("联合国教科文组织; Ministry of Education, PRC");
  });
});
