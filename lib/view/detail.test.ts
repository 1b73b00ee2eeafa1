import { describe, expect, it } from "vitest";
import { indexDataset } from "../data/dataset";
import { eventDetail } from "./detail";
import { toIcs } from "../export/ics";
import { EMPTY_QUERY, type Query } from "../query/query";
import { eventRow } from "./rows";
import { fixtureDataset, fixtureIndex, fixtureStore } from "../data/test-fixtures";
import { computeView } from "./view-model";

const store = fixtureStore();
const ids = fixtureIndex().events.map((e) => e.id);
const stepsOf = async (event: string, query = {}) => (await computeView(store, { ...EMPTY_QUERY, ...query, event })).selected!.steps;

describe("Previous/Next in the event detail", () => {
  it("steps through the matching events in date order, with the position among them", async () => {
    expect(await stepsOf(ids[1])).toEqual({ previous: ids[0], next: ids[2], position: `2 of ${ids.length}` });
    expect((await stepsOf(ids[0])).previous).toBeNull();
    expect((await stepsOf(ids.at(-1)!)).next).toBeNull();
  });

  it("counts only the events the view matches, in the reader's language", async () => {
    const steps = await stepsOf("2016-06-08-founded", { city: ["shenzhen"], lang: "zh" });
    expect(steps).toEqual({ previous: "2015-11-month", next: null, position: "第 2 个，共 2 个" });
  });

  it("steps from an event outside the matches to its neighbours by date, without a position", async () => {
    // 2022-year has no place: outside city=shenzhen, it sits after both Shenzhen events.
    expect(await stepsOf("2022-year", { city: ["shenzhen"] })).toEqual({ previous: "2016-06-08-founded", next: null, position: null });
  });
});

describe("how precisely an event's dates are known", () => {
  // Begins on a known day, ends in a month: the span as a whole is known to the month.
  const base = fixtureDataset();
  const index = indexDataset({ ...base, events: [{ ...base.events[1], id: "day-to-month", start: "2016-05-30", end: "2016-06" }] });
  const event = index.eventById.get("day-to-month")!;

  it("is the vaguer end's, alike in the detail, the list row and the calendar export", async () => {
    expect(eventDetail(event, index).precisionNote).toBe("known to the month");
    expect(eventRow(event, index).precision).toBe("month");
    expect(toIcs([event], index, { calendarName: "t", dtstamp: new Date(0) })).toContain("Dates known to the month");
  });
});

describe("an event opened outside the view's filters", () => {
  const outsideOf = async (event: string, query: Partial<Query>) =>
    (await computeView(store, { ...EMPTY_QUERY, ...query, event })).selected!.outside;

  it("says which filters leave it out and removes just those", async () => {
    const outside = await outsideOf("2016-06-08-founded", { city: ["shanghai"], country: ["cn"], from: "2023" });
    expect(outside?.text).toBe("This event is outside the current filter (time and place): the list, map and timeline leave it out.");
    expect(outside?.show).toBe("Show it in the view");
    expect(outside?.showLabel).toBe("Show it in the view (clears: time and place)");
    expect(outside?.patch).toEqual({ from: null, to: null, city: [] });
  });

  it("says it in Chinese", async () => {
    const outside = await outsideOf("2016-06-08-founded", { q: "Dakar", lang: "zh" });
    expect(outside?.text).toBe("此事件不在当前筛选范围内（搜索）：列表、地图和时间轴中没有它。");
    expect(outside?.show).toBe("在视图中显示");
    expect(outside?.patch).toEqual({ q: "" });
  });

  it("says nothing for an event the view shows", async () => {
    expect(await outsideOf("2023-07-02-meeting", { city: ["shanghai"] })).toBeNull();
    expect(await outsideOf("2022-year", {})).toBeNull();
  });

  it("names the unmapped filter too", async () => {
    expect((await outsideOf("2016-06-08-founded", { unmapped: true }))?.patch).toEqual({ unmapped: false });
  });

  it("opens the events without a place as a view of their own", async () => {
    const view = await computeView(store, { ...EMPTY_QUERY, unmapped: true });
    expect(view.list.map((row) => row.id)).toEqual(["2022-year"]);
    expect(view.pins).toEqual([]);
    expect(view.chips.map((chip) => `${chip.kind}: ${chip.value}`)).toEqual(["Place: not on the map"]);
  });
});
