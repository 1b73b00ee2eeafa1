import { describe, expect, it } from "vitest";
import type { Event } from "../data/schema";
import { exportFixtureIndex } from "../data/test-fixtures";
import { toCsv } from "../export/csv";
import { toIcs } from "../export/ics";
import { publicEvent } from "../export/json";
import { eventDetail } from "../view/detail";
import { inferredDateParts } from "./certainty";

// A meeting "on Sunday" in a report dated Monday 3 July 2023: year and month stated, the day inferred.
const sunday: Event = {
  id: "2023-07-02-sunday-meeting",
  title: "Meeting on Sunday",
  summary: "A meeting the report dates by its weekday.",
  start: "2023-07-02",
  dateCertainty: "inferred",
  dateInferred: ["day"],
  category: "conference",
  organizations: ["unesco"],
  sources: [{ document: "seed-c.md", quote: "on Sunday" }],
};
const index = exportFixtureIndex([sunday]);
const meeting = index.eventById.get(sunday.id)!;
// Written before `dateInferred`: "inferred" alone, which meant the year.
const legacy = index.eventById.get("2025-10-13-forum")!;
const stated = index.eventById.get("2016-06-08-ichei-founded")!;

describe("which part of a date is inferred", () => {
  it("is read from dateInferred, and is the year for a dataset that says only “inferred”", () => {
    expect(inferredDateParts(meeting)).toEqual(["day"]);
    expect(inferredDateParts(legacy)).toEqual(["year"]);
    expect(inferredDateParts(stated)).toEqual([]);
    expect(inferredDateParts({ dateCertainty: "inferred", dateInferred: ["day", "month"] })).toEqual(["month", "day"]);
  });

  it("is named in the detail's note, in English and Chinese", () => {
    expect(eventDetail(meeting, index).dateNote).toBe("day inferred from the document's context, not stated with the date");
    expect(eventDetail(legacy, index).dateNote).toBe("year inferred from the document's context, not stated with the date");
    expect(eventDetail(stated, index).dateNote).toBeNull();
    expect(eventDetail(meeting, index, "zh").dateNote).toBe("具体哪一天系根据文件上下文推断，未与日期一同写明");
    const both = { ...meeting, dateInferred: ["month", "day"] as Event["dateInferred"] };
    expect(eventDetail(both, index).dateNote).toMatch(/^month and day inferred/);
  });

  it("travels with the exports: JSON and GeoJSON fields, a CSV column, the calendar's description", () => {
    const context = { names: index, total: index.events.length, lang: "en" as const, site: "https://example.org" };
    expect(publicEvent(meeting, context)).toMatchObject({ dateCertainty: "inferred", dateInferred: ["day"] });
    expect(publicEvent(legacy, context)).toMatchObject({ dateCertainty: "inferred", dateInferred: ["year"] });
    expect(publicEvent(stated, context)).not.toHaveProperty("dateInferred");
    const csv = toCsv([meeting, legacy, stated], index).split("\r\n");
    expect(csv.slice(1, 4).map((line) => line.split(",").slice(3, 5))).toEqual([
      ["inferred", "day"],
      ["inferred", "year"],
      ["stated", ""],
    ]);
    const ics = toIcs([meeting], index, { calendarName: "test", dtstamp: new Date(0) }).replace(/\r\n[ \t]/g, ""); // unfolded
    expect(ics).toContain("Date: day inferred from the document's context");
  });
});
