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
