import { describe, expect, it } from "vitest";
import { indexDataset, type Dataset, type DatasetIndex, type IndexedEvent } from "../data/dataset";
import type { Event } from "../data/schema";
import { filterEvents } from "../search/filter";
import { EMPTY_QUERY, type TimelineGrouping } from "../query/query";
import { eventRow } from "../view/rows";
import { DETAIL_LIMIT, bucketItems, densityCounts, timelineMode, type BucketItem, type TimelineMode } from "./timeline-density";
import { NO_ORG_GROUP, eventIdOfItem, fitWindow, spanOf, timelineGroups, timelineItems, timelineLimits } from "./timeline-items";

const source = [{ document: "seed.md", quote: "a short quote" }];
const event = (e: Partial<Event> & Pick<Event, "id" | "start">): Event => ({
  title: e.id,
  summary: "…",
  placeCertainty: "stated",
  category: "founding",
  organizations: ["unesco"],
  sources: source,
  ...e,
});

const dataset: Dataset = {
  events: [
    event({ id: "ichei-founded", start: "2016-06-08", place: "shenzhen", title: "ICHEI founded" }),
    event({ id: "funds-in-trust", start: "2015-05", category: "agreement", organizations: ["unesco", "ichei"] }),
    event({ id: "centres-total", start: "2022", category: "milestone", organizations: [] }),
    event({ id: "wdec", start: "2025-05-14", end: "2025-05-16", category: "conference", online: true }),
    event({ id: "centres-start-up", start: "2022-04", end: "2022-05", category: "launch", organizations: ["ichei"] }),
  ],
  places: [{ id: "shenzhen", name: "Shenzhen", nameZh: "深圳", country: "cn", lat: 22.5, lon: 114 }],
  organizations: [
    { id: "unesco", name: "UNESCO" },
    { id: "ichei", name: "International Centre for Higher Education Innovation (UNESCO-ICHEI)" },
  ],
  categories: [
    { id: "founding", name: "Founding" },
    { id: "agreement", name: "Agreement" },
    { id: "conference", name: "Conference" },
    { id: "launch", name: "Launch" },
    { id: "milestone", name: "Milestone" },
  ],
};
const index = indexDataset(dataset);
/** The server's counts expanded as the browser does, with the rows' names as the server sends them. */
function densityItems(
  events: IndexedEvent[],
  idx: DatasetIndex,
  groupBy: TimelineGrouping,
  mode: Extract<TimelineMode, { kind: "density" }>,
): BucketItem[] {
  const names = new Map(timelineGroups(events, idx, groupBy).map((g) => [g.id, g.title]));
  return bucketItems(densityCounts(events, idx, groupBy, mode), names, groupBy);
}
const rowsOf = (events: typeof index.events) => events.map((e) => eventRow(e, index));
const byEvent = (items: ReturnType<typeof timelineItems>, id: string) => items.filter((i) => i.eventId === id);
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe("timelineItems", () => {
  const items = timelineItems(rowsOf(index.events), "none");

  it("draws a one-day event as a point on that day", () => {
    const [item] = byEvent(items, "ichei-founded");
    expect(item).toMatchObject({ type: "point", start: utc(2016, 6, 8), precision: "day", label: "8 Jun 2016" });
    expect(item.end).toBeUndefined();
    expect(item.className).not.toContain("tl-uncertain");
  });

  it("draws a multi-day event as a range covering its last day", () => {
    const [item] = byEvent(items, "wdec");
    expect(item).toMatchObject({ type: "range", start: utc(2025, 5, 14), end: utc(2025, 5, 17) });
    expect(item.label).toBe("14–16 May 2025");
    expect(item.className).toContain("tl-span");
  });

  it("spans a month-precision event over its whole month, faded and labelled with the month only", () => {
    const [item] = byEvent(items, "funds-in-trust");
    expect(item).toMatchObject({ type: "range", start: utc(2015, 5, 1), end: utc(2015, 6, 1), precision: "month" });
    expect(item.label).toBe("May 2015");
    expect(item.className).toMatch(/\btl-uncertain\b/);
    expect(item.className).toMatch(/\btl-month\b/);
    expect(item.title).toContain("exact day not known");
  });

  it("spans a year-precision event over the whole year, labelled with the year", () => {
    const [item] = byEvent(items, "centres-total");
    expect(item).toMatchObject({ start: utc(2022, 1, 1), end: utc(2023, 1, 1), precision: "year", label: "2022" });
    expect(item.className).toMatch(/\btl-uncertain\b.*\btl-year\b/);
  });

  it("treats a month-to-month span as uncertain, covering both months", () => {
    const [item] = byEvent(items, "centres-start-up");
    expect(item).toMatchObject({ start: utc(2022, 4, 1), end: utc(2022, 6, 1), precision: "month" });
    expect(item.label).toBe("Apr–May 2022");
  });

  it("gives a plain-text tooltip with title, date and place (or why there is none)", () => {
    expect(byEvent(items, "ichei-founded")[0].title).toBe("ICHEI founded\n8 Jun 2016 · Shenzhen, China\nFounding");
    expect(byEvent(items, "wdec")[0].title).toContain("Online");
    expect(byEvent(items, "centres-total")[0].title).toContain("Place not stated");
  });

  it("has no rows when not grouped", () => {
    expect(items.every((i) => i.group === undefined)).toBe(true);
    expect(timelineGroups(index.events, index, "none")).toEqual([]);
  });
});

describe("grouping by category", () => {
  const items = timelineItems(rowsOf(index.events), "category");
  const groups = timelineGroups(index.events, index, "category");

  it("puts each event in its category's row, once", () => {
    expect(items).toHaveLength(index.events.length);
    expect(byEvent(items, "wdec")[0].group).toBe("conference");
  });

  it("uses item ids of its own, so switching rows never reuses another grouping's items", () => {
    const flat = new Set(timelineItems(rowsOf(index.events), "none").map((i) => i.id));
    expect(items.some((i) => flat.has(i.id))).toBe(false);
    expect(items.every((i) => eventIdOfItem(i.id) === i.eventId)).toBe(true);
  });

  it("lists only categories with events, in the dataset's order, by name", () => {
    expect(groups.map((g) => g.content)).toEqual(["Founding", "Agreement", "Conference", "Launch", "Milestone"]);
    const fewer = timelineGroups(
      index.events.filter((e) => e.category !== "agreement"),
      index,
      "category",
    );
    expect(fewer.map((g) => g.id)).not.toContain("agreement");
  });
});

describe("grouping by organization", () => {
  const items = timelineItems(rowsOf(index.events), "organization");
  const groups = timelineGroups(index.events, index, "organization");

  it("shows an event with several organizations in each of their rows, with unique item ids", () => {
    const copies = byEvent(items, "funds-in-trust");
    expect(copies.map((i) => i.group).sort()).toEqual(["ichei", "unesco"]);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    expect(copies.every((i) => eventIdOfItem(i.id) === "funds-in-trust")).toBe(true);
  });

  it("keeps events without organizations in a last row instead of dropping them", () => {
    expect(byEvent(items, "centres-total")[0].group).toBe(NO_ORG_GROUP);
    expect(groups.at(-1)).toMatchObject({ id: NO_ORG_GROUP, content: "No organization listed" });
  });

  it("orders rows by number of events and labels long names by their abbreviation", () => {
    expect(groups.map((g) => g.id)).toEqual(["unesco", "ichei", NO_ORG_GROUP]);
    expect(groups[1]).toMatchObject({
      content: "UNESCO-ICHEI",
      title: "International Centre for Higher Education Innovation (UNESCO-ICHEI)",
    });
  });
});

describe("eventIdOfItem", () => {
  it("recovers the event id from any item id", () => {
    expect(eventIdOfItem("wdec")).toBe("wdec");
    expect(eventIdOfItem("wdec::unesco")).toBe("wdec");
  });
});

describe("zoom limits and fitting", () => {
  it("leaves the default view room to be dragged either way, within half the data's span", () => {
    const { min, max, zoomMax } = timelineLimits(spanOf(index.events));
    const span = spanOf(index.events)!;
    const length = span.endMs - span.startMs;
    const fit = fitWindow(span);
    expect(fit.startMs - min).toBeGreaterThan(length * 0.2);
    expect(max - fit.endMs).toBeGreaterThan(length * 0.1);
    expect(max - span.endMs).toBeLessThanOrEqual(Math.max(length / 2, 2 * 366 * 86_400_000));
    expect(zoomMax).toBe(max - min);
  });

  it("fits the given events with a margin, and still shows something for a single day", () => {
    const all = fitWindow(spanOf(index.events)!);
    expect(all.startMs).toBeLessThan(utc(2015, 5, 1).getTime());
    expect(all.endMs).toBeGreaterThan(utc(2025, 5, 17).getTime());
    const one = fitWindow(spanOf([index.eventById.get("ichei-founded")!])!);
    expect(one.endMs - one.startMs).toBeGreaterThanOrEqual(30 * 86_400_000);
  });
});

describe("large datasets: events near the window, or density buckets", () => {
  // Two single-day events a day, 2015–2020, in two categories; plus one event spanning a whole year.
  const days = Array.from({ length: 6 * 365 }, (_, i) => {
    const day = new Date(Date.UTC(2015, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    return [
      event({ id: `day-${i}`, start: day, category: i % 3 === 0 ? "conference" : "agreement" }),
      event({ id: `day-${i}-b`, start: day, category: "agreement" }),
    ];
  }).flat();
  const yearLong = event({ id: "all-of-2017", start: "2017", category: "conference" });
  const big = indexDataset({ ...dataset, events: [...days, yearLong] });
  const total = (buckets: BucketItem[]) => buckets.reduce((sum, b) => sum + b.count, 0);
  // A lower limit than the real one keeps this dataset small.
  const limit = 500;
  const densityOf = (window: Parameters<typeof timelineMode>[2], groupBy: "category" | "none" | "organization" = "none") => {
    const mode = timelineMode(big.events, groupBy, window, { limit });
    if (mode.kind !== "density") throw new Error(`expected density, got ${mode.kind}`);
    return { mode, buckets: densityItems(big.events, big, groupBy, mode) };
  };

  it("draws every event of a small dataset, window or not", () => {
    expect(timelineMode(index.events, "category", null)).toEqual({ kind: "events", events: index.events });
    const window = { startMs: +utc(2016, 6, 1), endMs: +utc(2016, 6, 30) };
    expect(timelineMode(index.events, "category", window)).toEqual({ kind: "events", events: index.events });
  });

  it("draws density buckets when there are too many events and no window", () => {
    expect(big.events.length).toBeGreaterThan(DETAIL_LIMIT);
    expect(timelineMode(big.events, "none", null).kind).toBe("density");
    const { buckets } = densityOf(null);
    expect(buckets.length).toBeGreaterThan(0);
    expect(buckets.every((b) => b.kind === "bucket" && b.className.includes("tl-bucket"))).toBe(true);
  });

  it("shows the real events once the window, widened by its width each side, holds few enough", () => {
    const march = { startMs: +utc(2019, 3, 1), endMs: +utc(2019, 4, 1) - 1 };
    const mode = timelineMode(big.events, "category", march);
    expect(mode.kind).toBe("events");
    const ids = new Set(mode.kind === "events" ? mode.events.map((e) => e.id) : []);
    expect(ids.has("day-1520")).toBe(true); // 1 Mar 2019
    const near = big.events.filter((e) => e.startMs <= march.endMs + 31 * 86_400_000 && e.endMs >= march.startMs - 31 * 86_400_000);
    expect(ids.size).toBe(near.length);
    expect(ids.size).toBeLessThan(250); // not the whole dataset
    expect(timelineMode(big.events, "category", { startMs: +utc(2016, 1, 1), endMs: +utc(2019, 12, 31) }).kind).toBe("density");
  });

  it("falls back to the events in the window itself when the widened window holds too many", () => {
    const march = { startMs: +utc(2019, 3, 1), endMs: +utc(2019, 4, 1) - 1 };
    const mode = timelineMode(big.events, "none", march, { limit: 100 }); // ~180 in Feb–Apr, 62 in March
    expect(mode.kind === "events" && mode.events.length).toBe(62);
  });

  it("counts each single-day event once: the buckets add up to the events, in every grouping", () => {
    const singleDay = indexDataset({ ...dataset, events: days });
    for (const groupBy of ["none", "category"] as const) {
      const mode = timelineMode(singleDay.events, groupBy, null, { limit });
      expect(mode.kind).toBe("density");
      if (mode.kind === "density") expect(total(densityItems(singleDay.events, singleDay, groupBy, mode))).toBe(days.length);
    }
  });

  const year2017 = { startMs: +utc(2017, 1, 1), endMs: +utc(2018, 1, 1) - 1 };

  it("counts an event in every bucket it overlaps, so a bucket's count is what zooming into it shows", () => {
    const { mode, buckets } = densityOf(year2017);
    expect(mode.unit).toBe("month");
    expect(total(buckets)).toBe(days.length + 12); // the 2017 event is in each of its months
    const march2017 = buckets.find((b) => b.label === "Mar 2017")!;
    expect(march2017.count).toBe(2 * 31 + 1);
    expect(march2017.period).toEqual({ startMs: +utc(2017, 3, 1), endMs: +utc(2017, 4, 1) - 1 });
    for (const b of buckets.slice(0, 30)) expect(filterEvents(big, EMPTY_QUERY, b.period)).toHaveLength(b.count);
  });

  it("spans each bucket over its UTC calendar period, and says so in plain text", () => {
    const { buckets } = densityOf(year2017, "category");
    const conf = buckets.find((b) => b.group === "conference" && b.label === "Mar 2017")!;
    expect(conf).toMatchObject({ type: "range", startMs: +utc(2017, 3, 1), endMs: +utc(2017, 4, 1) });
    expect(conf.title).toBe(`${conf.count} events in Mar 2017 — click to zoom in\nConference`);
    expect(conf.content).toBe(`${conf.count} events`);
    expect(conf.className).toMatch(/\btl-bucket\b.*\btl-density-[1-5]\b.*\btl-cat-conference\b/);
  });

  it("chooses buckets wide enough to read, finer as the window narrows, within the item budget", () => {
    expect(densityOf(null).mode.unit).toBe("quarter"); // six years across the screen
    expect(densityOf(year2017).mode.unit).toBe("month");
    const quarter = timelineMode(big.events, "category", { startMs: +utc(2017, 4, 1), endMs: +utc(2017, 7, 1) - 1 }, { limit: 100 });
    expect(quarter.kind === "density" && quarter.unit).toBe("week");
    if (quarter.kind === "density") {
      const [first] = densityItems(big.events, big, "category", quarter);
      expect(first.label).toBe("the week of 29 Dec 2014"); // weeks start on Monday
      expect(new Date(first.startMs).getUTCDay()).toBe(1);
    }
    const fortnight = timelineMode(big.events, "none", { startMs: +utc(2019, 3, 1), endMs: +utc(2019, 3, 15) - 1 }, { limit: 10 });
    expect(fortnight.kind === "density" && fortnight.unit).toBe("day");
    if (fortnight.kind === "density") {
      expect(densityItems(big.events, big, "none", fortnight).find((b) => b.startMs === +utc(2019, 3, 8))?.title).toBe(
        "2 events on 8 Mar 2019 — click to zoom in",
      );
    }
    const manyRows = timelineMode(big.events, "category", year2017, { limit, budget: 40 });
    expect(manyRows.kind === "density" && manyRows.unit).toBe("quarter"); // 36 months × 2 rows would exceed 40 items
  });

  it("covers all the events with buckets when they fit the budget, else the window widened by its width", () => {
    expect(densityOf(year2017).mode.range).toEqual({ startMs: +utc(2015, 1, 1), endMs: +utc(2021, 1, 1) });
    const tight = timelineMode(big.events, "none", year2017, { limit, budget: 60 }); // 72 months > 60 ≥ 36
    expect(tight).toMatchObject({ kind: "density", unit: "month", range: { startMs: +utc(2016, 1, 1), endMs: +utc(2019, 1, 1) } });
  });

  it("never gives a bucket an id that names an event", () => {
    const { buckets } = densityOf(null, "category");
    expect(buckets.some((b) => big.eventById.has(eventIdOfItem(b.id)))).toBe(false);
    expect(new Set(buckets.map((b) => b.id)).size).toBe(buckets.length);
  });
});
