import { describe, expect, it } from "vitest";
import { contentDisposition, EXPORT_FORMATS, exportFilename, isExportFormat } from "./export-formats";

describe("export formats", () => {
  it("knows exactly the API's four formats", () => {
    expect(Object.keys(EXPORT_FORMATS).sort()).toEqual(["csv", "geojson", "ics", "json"]);
    expect(isExportFormat("csv")).toBe(true);
    expect(isExportFormat("xlsx")).toBe(false);
    expect(isExportFormat("toString")).toBe(false);
    expect(EXPORT_FORMATS.ics.contentType).toBe("text/calendar; charset=utf-8");
    expect(EXPORT_FORMATS.geojson.contentType).toBe("application/geo+json; charset=utf-8");
  });

  it("names files after the view", () => {
    expect(exportFilename("csv", "city-beijing")).toBe("china-unesco-education-events-city-beijing.csv");
    expect(exportFilename("geojson", "")).toBe("china-unesco-education-events.geojson");
    expect(exportFilename("ics", "../q-a/b")).toBe("china-unesco-education-events-q-a-b.ics");
  });

  it("offers an ASCII fallback and the exact UTF-8 name", () => {
    expect(contentDisposition("events.csv")).toBe(`attachment; filename="events.csv"; filename*=UTF-8''events.csv`);
    expect(contentDisposition("events-北京 (1).csv")).toBe(
      `attachment; filename="events-__ (1).csv"; filename*=UTF-8''events-%E5%8C%97%E4%BA%AC%20%281%29.csv`,
    );
  });
});

describe("exports in Chinese", () => {
  it("write Chinese titles and names where the data has them, with the same CSV header", async () => {
    const { toCsv } = await import("../export/csv");
    const { toIcs } = await import("../export/ics");
    const { exportFixtureIndex } = await import("../data/test-fixtures");
    const index = exportFixtureIndex();
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
