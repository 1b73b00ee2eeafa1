import { describe, expect, it } from "vitest";
import { indexDataset } from "../data/dataset";
import { stepInDateOrder } from "./date-order";
import { detailSteps } from "../view/detail";
import { fixtureDataset } from "../data/test-fixtures";

const D = (m: number, d = 1) => Date.UTC(2020, m, d);
// Listed as rows would list them (by category), not by date.
const events = [
  { id: "c-march", startMs: D(2), endMs: D(2, 2) },
  { id: "a-january", startMs: D(0), endMs: D(0, 2) },
  { id: "b-year", startMs: D(0), endMs: D(11, 31) },
  { id: "d-june", startMs: D(5), endMs: D(5, 2) },
];

describe("stepInDateOrder", () => {
  it("walks events by date, shorter span first on the same day", () => {
    const walk: (string | null)[] = [];
    let at: string | null = null;
    for (let i = 0; i < 5; i++) walk.push((at = stepInDateOrder(events, at, "next") ?? at));
    expect(walk).toEqual(["a-january", "b-year", "c-march", "d-june", "d-june"]);
    expect(stepInDateOrder(events, "d-june", "next")).toBeNull();
    expect(stepInDateOrder(events, "c-march", "previous")).toBe("b-year");
    expect(stepInDateOrder(events, "a-january", "previous")).toBeNull();
  });

  it("goes to the first and last", () => {
    expect(stepInDateOrder(events, "c-march", "first")).toBe("a-january");
    expect(stepInDateOrder(events, null, "last")).toBe("d-june");
  });

  it("stays among the events the window shows", () => {
    const spring = { startMs: D(1), endMs: D(4) };
    // The year-long event overlaps spring; January's does not.
    expect(stepInDateOrder(events, null, "next", spring)).toBe("b-year");
    expect(stepInDateOrder(events, "b-year", "next", spring)).toBe("c-march");
    expect(stepInDateOrder(events, "c-march", "next", spring)).toBeNull();
    // From an event outside the window, the nearest shown one in the direction of travel.
    expect(stepInDateOrder(events, "a-january", "next", spring)).toBe("b-year");
    expect(stepInDateOrder(events, "d-june", "previous", spring)).toBe("c-march");
    expect(stepInDateOrder([], null, "next")).toBeNull();
  });
});

describe("one date order for the list and the timeline", () => {
  // Both start on 1 January 2016; id order and span order disagree, so any second order shows.
  const base = fixtureDataset();
  const sameDay = (id: string, start: string) => ({ ...base.events[0], id, start, place: undefined, placeCertainty: undefined });
  const index = indexDataset({ ...base, events: [sameDay("a-whole-year", "2016"), sameDay("b-new-years-day", "2016-01-01")] });
  const [year, day] = ["a-whole-year", "b-new-years-day"].map((id) => index.eventById.get(id)!);

  it("lists the shorter of two events starting the same day first", () => {
    expect(index.events.map((e) => e.id)).toEqual(["b-new-years-day", "a-whole-year"]);
  });

  it("has Previous/Next and the arrow keys agree", () => {
    expect(detailSteps(index.events, day).next).toBe("a-whole-year");
    expect(stepInDateOrder(index.events, "b-new-years-day", "next")).toBe("a-whole-year");
    expect(detailSteps(index.events, year).previous).toBe("b-new-years-day");
    expect(stepInDateOrder(index.events, "a-whole-year", "previous")).toBe("b-new-years-day");
  });
});
