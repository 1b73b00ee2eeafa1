import { describe, expect, it } from "vitest";
import { overlaps, periodEnd, periodStart, windowOf } from "../core/time-window";
import { defaultPace, everyKth, frameIndexOf, framesOf, isFrame, moveFrame } from "./frames";

// As the timeline gives it: the end exclusive.
const extent = (from: string, to: string) => ({ startMs: periodStart(from), endMs: periodEnd(to) + 1 });
const data = extent("2014-06-05", "2025-10-15");

describe("framesOf", () => {
  it("slides year by year over the data's years", () => {
    const frames = framesOf(data, "1y");
    expect(frames).toHaveLength(12);
    expect(frames[0]).toEqual({ from: "2014", to: "2014" });
    expect(frames.at(-1)).toEqual({ from: "2025", to: "2025" });
  });

  it("steps by calendar quarters, from the quarter holding the first event", () => {
    const frames = framesOf(extent("2016-05-10", "2017-01-02"), "3m");
    expect(frames).toEqual([
      { from: "2016-04", to: "2016-06" },
      { from: "2016-07", to: "2016-09" },
      { from: "2016-10", to: "2016-12" },
      { from: "2017-01", to: "2017-03" },
    ]);
  });

  it("ends with the data's last period: data ending on 31 December gets no frame of the next year", () => {
    expect(framesOf(extent("2024-03", "2025"), "1m").at(-1)).toEqual({ from: "2025-12", to: "2025-12" });
    expect(framesOf(extent("2024-03", "2025"), "1y").at(-1)).toEqual({ from: "2025", to: "2025" });
  });

  it("steps by months across a year's end", () => {
    expect(framesOf(extent("2019-11", "2020-01"), "1m")).toEqual([
      { from: "2019-11", to: "2019-11" },
      { from: "2019-12", to: "2019-12" },
      { from: "2020-01", to: "2020-01" },
    ]);
  });

  it("grows from the first period", () => {
    const frames = framesOf(data, "1y", true);
    expect(frames[0]).toEqual({ from: "2014", to: "2014" });
    expect(frames[5]).toEqual({ from: "2014", to: "2019" });
    expect(framesOf(extent("2016-05", "2016-12"), "3m", true).at(-1)).toEqual({ from: "2016-04", to: "2016-12" });
  });
});

describe("frameIndexOf", () => {
  const years = framesOf(data, "1y");
  const quarters = framesOf(data, "3m");
  it("finds the frame a window is exactly", () => {
    expect(frameIndexOf(years, { from: "2019", to: "2019" })).toBe(5);
    expect(quarters[frameIndexOf(quarters, { from: "2016-04", to: "2016-06" })]).toEqual({ from: "2016-04", to: "2016-06" });
  });
  it("opens on the frame around a window that is no frame", () => {
    expect(quarters[frameIndexOf(quarters, { from: "2016-05-10", to: "2016-08" })]).toEqual({ from: "2016-04", to: "2016-06" });
    expect(years[frameIndexOf(years, { from: "2019-03", to: "2020" })]).toEqual({ from: "2019", to: "2019" });
    expect(frameIndexOf(years, { from: null, to: null })).toBe(0);
    expect(frameIndexOf(years, { from: "2030", to: null })).toBe(years.length - 1);
  });
  it("reads a growing window by its end", () => {
    const grown = framesOf(data, "1y", true);
    expect(grown[frameIndexOf(grown, { from: "2014", to: "2018-05" }, true)]).toEqual({ from: "2014", to: "2018" });
  });
  it("tells a frame from a window that is none", () => {
    expect(isFrame(years, { from: "2019", to: "2019" })).toBe(true);
    expect(isFrame(years, { from: "2019", to: "2020" })).toBe(false);
  });
});

describe("moveFrame", () => {
  it("steps and stops at either end", () => {
    expect(moveFrame(3, "next", 12)).toBe(4);
    expect(moveFrame(11, "next", 12)).toBe(11);
    expect(moveFrame(0, "previous", 12)).toBe(0);
    expect(moveFrame(5, "first", 12)).toBe(0);
    expect(moveFrame(5, "last", 12)).toBe(11);
  });
});

describe("defaultPace", () => {
  it("plays the whole span in about 20 s, within 0.25–1.5 s a frame", () => {
    expect(defaultPace(12)).toBe(1500);
    expect(defaultPace(48)).toBe(400);
    expect(defaultPace(144)).toBe(250);
  });
});

describe("honest dates", () => {
  // The time filter's one test (lib/core/time-window `overlaps`, used by the server's filter and the
  // browser's scrub index alike): an event known to the year counts in every frame of that year.
  const counted =
    (start: string, end = start) =>
    (f: { from: string; to: string }) =>
      overlaps(periodStart(start), periodEnd(end), windowOf(f));
  it("counts a year-precision event in each of its months and quarters", () => {
    const months = framesOf(data, "1m").filter(counted("2019"));
    expect(months.map((f) => f.from)).toEqual(Array.from({ length: 12 }, (_, i) => `2019-${String(i + 1).padStart(2, "0")}`));
    expect(framesOf(data, "3m").filter(counted("2019"))).toHaveLength(4);
  });
  it("counts a month-precision event in its month, quarter and year", () => {
    expect(
      framesOf(data, "1m")
        .filter(counted("2015-05"))
        .map((f) => f.from),
    ).toEqual(["2015-05"]);
    expect(
      framesOf(data, "3m")
        .filter(counted("2015-05"))
        .map((f) => f.from),
    ).toEqual(["2015-04"]);
    expect(
      framesOf(data, "1y")
        .filter(counted("2015-05"))
        .map((f) => f.from),
    ).toEqual(["2015"]);
  });
  it("counts a span in every frame it touches", () => {
    expect(
      framesOf(data, "1m")
        .filter(counted("2023-12-30", "2024-01-02"))
        .map((f) => f.from),
    ).toEqual(["2023-12", "2024-01"]);
  });
});

describe("everyKth", () => {
  const months = framesOf(data, "1m");

  it("keeps every frame that fits", () => {
    const years = framesOf(data, "1y");
    expect(everyKth(years, 48)).toEqual({ frames: years, every: 1 });
  });

  it("keeps at most the bound, every k-th frame, ending on the last frame", () => {
    const { frames, every } = everyKth(months, 48);
    expect(months).toHaveLength(137);
    expect(every).toBe(3);
    expect(frames.length).toBeLessThanOrEqual(48);
    expect(frames.at(-1)).toEqual(months.at(-1));
    expect(frames[1]).toEqual(months[months.indexOf(frames[0]) + 3]);
  });

  it("ends a growing playback on the whole span", () => {
    const growing = framesOf(data, "1m", true);
    expect(everyKth(growing, 10).frames.at(-1)).toEqual({ from: "2014-06", to: "2025-10" });
  });
});
