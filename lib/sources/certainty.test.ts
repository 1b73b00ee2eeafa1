import { describe, expect, it } from "vitest";
import { eventDetail } from "../view/detail";
import { toCsv } from "../export/csv";
import { mapPoints } from "../map/map-points";
import { eventRow } from "../view/rows";
import { decodeScrubColumns, encodeScrubColumns } from "../timeline/scrub-index";
import { exportFixtureIndex } from "../data/test-fixtures";

// The forum's place is inferred; the founding's is stated; the dialogue was online (no place).
const index = exportFixtureIndex();
const [founded, forum, online] = ["2016-06-08-ichei-founded", "2025-10-13-forum", "2015-05-online-dialogue"].map((id) =>
  index.eventById.get(id)!,
);
const events = [founded, forum, online];

describe("how sure the data is of an event's place, told alike everywhere", () => {
  it("marks the inferred place in the list, the detail, the CSV, the map pin and the scrub flags", () => {
    expect(events.map((e) => eventRow(e, index).placeInferred)).toEqual([false, true, false]);
    const notes = events.map((e) => eventDetail(e, index).placeNote);
    expect(notes.map((note) => /infer/i.test(note))).toEqual([false, true, false]);
    const csvCertainty = toCsv(events, index)
      .split("\r\n")
      .slice(1, 4)
      .map((line) => line.match(/,(stated|inferred|),(true|false),/)?.[1]);
    expect(csvCertainty).toEqual(["stated", "inferred", ""]);
    expect(mapPoints(events, index).points.map((p) => [p.placeId, p.certainty])).toEqual(
      expect.arrayContaining([
        ["beijing", "stated"],
        ["lima", "inferred"],
      ]),
    );
    const flags = decodeScrubColumns(encodeScrubColumns(events, index).buffer).flags;
    expect([...flags]).toEqual([0, 1, 0]);
  });
});
