import { describe, expect, it } from "vitest";
import { contentDisposition } from "../http/content-disposition";
import { EXPORT_FORMATS, exportFilename, isExportFormat } from "./export-formats";

describe("export formats", () => {
  it("knows exactly the API's four formats", () => {
    expect([...EXPORT_FORMATS].sort()).toEqual(["csv", "geojson", "ics", "json"]);
    expect(isExportFormat("csv")).toBe(true);
    expect(isExportFormat("xlsx")).toBe(false);
    expect(isExportFormat("toString")).toBe(false);
  });

  it("names files after the view", () => {
    expect(exportFilename("csv", "city-beijing")).toBe("china-unesco-education-events-city-beijing.csv");
    expect(exportFilename("geojson", "")).toBe("china-unesco-education-events.geojson");
    expect(exportFilename("ics", "../q-a/b")).toBe("china-unesco-education-events-q-a-b.ics");
  });

  it("neutralises bidirectional controls, which would show the name reordered", () => {
    const controls = [
      "\u202a",
      "\u202b",
      "\u202c",
      "\u202d",
      "\u202e",
      "\u2066",
      "\u2067",
      "\u2068",
      "\u2069",
      "\u200e",
      "\u200f",
      "\u061c",
    ];
    for (const control of controls) {
      const name = exportFilename("csv", `q-report${control}vsc.exe`);
      expect(name, `U+${control.codePointAt(0)!.toString(16)}`).toBe("china-unesco-education-events-q-report-vsc.exe.csv");
      expect(contentDisposition(name)).not.toMatch(/%E2%80%A[A-E]|%E2%81%A[6-9]|%E2%80%8[EF]|%D8%9C/);
    }
    expect(exportFilename("csv", "q-上海+2025")).toBe("china-unesco-education-events-q-上海+2025.csv");
  });

  it("offers an ASCII fallback and the exact UTF-8 name", () => {
    expect(contentDisposition("events.csv")).toBe(`attachment; filename="events.csv"; filename*=UTF-8''events.csv`);
    expect(contentDisposition("events-北京 (1).csv")).toBe(
      `attachment; filename="events-__ (1).csv"; filename*=UTF-8''events-%E5%8C%97%E4%BA%AC%20%281%29.csv`,
    );
  });
});
