import { describe, expect, it } from "vitest";
import { scrubOutcome, snappedRange, snapUnit, withinData } from "./scrub-outcome";

const DAY = 86_400_000;
const at = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const Y = (y: number) => Date.UTC(y, 0, 1);
// The bundled data's span: 5 Jan 2014 – 27 Oct 2025.
const extent = { startMs: at("2014-01-05"), endMs: at("2025-10-27") + DAY - 1 };
// The default view: the span with room for labels.
const fitted = { startMs: at("2013-06-05"), endMs: at("2027-10-22") };
const open = { from: null, to: null };

describe("snappedRange", () => {
  it("reads a wide window in whole years, a medium one in months, a short one in days", () => {
    expect(snapUnit(5 * 365 * DAY)).toBe("year");
    expect(snapUnit(200 * DAY)).toBe("month");
    expect(snapUnit(20 * DAY)).toBe("day");
  });

  it("moves each edge to the nearest period boundary, so the fields and the filter agree", () => {
    // The zoom the issue saw: 4 Jan 2020 – 19 Jan 2025 filters 2020–2024, and says so.
    expect(snappedRange({ startMs: at("2020-01-04"), endMs: at("2025-01-19") }, extent)).toEqual({ from: "2020", to: "2024" });
    expect(snappedRange({ startMs: at("2019-08-20"), endMs: at("2025-10-01") }, extent)).toEqual({ from: "2020", to: "2025" });
    expect(snappedRange({ startMs: at("2019-03-20"), endMs: at("2019-09-10") }, extent)).toEqual({ from: "2019-04", to: "2019-08" });
    expect(snappedRange({ startMs: at("2019-03-05") + 20 * 3_600_000, endMs: at("2019-03-20") + 5 * 3_600_000 }, extent)).toEqual({
      from: "2019-03-06",
      to: "2019-03-19",
    });
  });

  it("never starts before the data's first period or ends after its last", () => {
    expect(snappedRange({ startMs: at("2012-02-01"), endMs: at("2018-06-01") }, extent)).toEqual({ from: "2014", to: "2017" });
    expect(snappedRange({ startMs: at("2021-02-01"), endMs: at("2029-06-01") }, extent)).toEqual({ from: "2021", to: "2025" });
    // Dragged wholly past the data: its nearest period, never an empty window beyond it.
    expect(snappedRange({ startMs: Y(2030), endMs: Y(2036) }, extent)).toEqual({ from: "2025", to: "2025" });
    expect(snappedRange({ startMs: Y(2003), endMs: Y(2009) }, extent)).toEqual({ from: "2014", to: "2014" });
  });

  it("keeps at least one period", () => {
    expect(snappedRange({ startMs: at("2019-03-05") + 3_600_000, endMs: at("2019-03-05") + 5 * 3_600_000 }, extent)).toEqual({
      from: "2019-03-05",
      to: "2019-03-05",
    });
  });
});

describe("scrubOutcome", () => {
  it("treats a wobble of the hand as no change", () => {
    const after = { startMs: fitted.startMs + 3_600_000, endMs: fitted.endMs + 3_600_000 };
    expect(scrubOutcome(fitted, after, extent, open)).toEqual({ kind: "unchanged" });
  });

  it("reads a dragged window that still holds every event as no time filter", () => {
    const after = { startMs: fitted.startMs - 60 * DAY, endMs: fitted.endMs - 60 * DAY };
    expect(scrubOutcome(fitted, after, extent, open)).toEqual({ kind: "unchanged" });
    expect(scrubOutcome(fitted, after, extent, { from: "2017", to: "2019" })).toEqual({ kind: "everything" });
  });

  it("turns a drag of the default view that leaves events out into a whole-year window", () => {
    const later = { startMs: fitted.startMs + 2 * 365 * DAY, endMs: fitted.endMs + 2 * 365 * DAY };
    expect(scrubOutcome(fitted, later, extent, open)).toEqual({ kind: "window", range: { from: "2015", to: "2025" } });
  });

  it("is unchanged when the periods are the ones the URL already has, whatever their spelling", () => {
    const before = { startMs: Y(2017), endMs: Y(2020) - 1 };
    const nudged = { startMs: Y(2017) + 40 * DAY, endMs: Y(2020) + 40 * DAY };
    expect(scrubOutcome(before, nudged, extent, { from: "2017", to: "2019" })).toEqual({ kind: "unchanged" });
    expect(scrubOutcome(before, nudged, extent, { from: "2017-01-01", to: "2019-12-31" })).toEqual({ kind: "unchanged" });
  });

  it("keeps any real move when there are no events to hold", () => {
    expect(scrubOutcome(fitted, { startMs: Y(2017), endMs: Y(2020) - 1 }, null, open)).toEqual({
      kind: "window",
      range: { from: "2017", to: "2019" },
    });
  });
});

describe("withinData", () => {
  it("moves typed dates outside the data to its first and last periods, at the precision typed", () => {
    expect(withinData({ from: "2010", to: "2030" }, extent)).toEqual({ from: "2014", to: "2025" });
    expect(withinData({ from: "2013-06", to: "2025-12-20" }, extent)).toEqual({ from: "2014-01", to: "2025-10-27" });
    expect(withinData({ from: "2016", to: null }, extent)).toEqual({ from: "2016", to: null });
    expect(withinData({ from: "2010", to: "2030" }, null)).toEqual({ from: "2010", to: "2030" });
  });
});
