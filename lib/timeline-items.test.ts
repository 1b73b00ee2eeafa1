import { describe, expect, it } from "vitest";
import { indexDataset, type Dataset } from "./dataset";
import type { Event } from "./schema";
import {
  NO_ORG_GROUP,
  eventIdOfItem,
  fitWindow,
  timelineGroups,
  timelineItems,
  timelineLimits,
} from "./timeline-items";

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
const byEvent = (items: ReturnType<typeof timelineItems>, id: string) => items.filter((i) => i.eventId === id);
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe("timelineItems", () => {
  const items = timelineItems(index.events, index, "none");

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
    expect(byEvent(items, "ichei-founded")[0].title).toBe("ICHEI founded\n8 Jun 2016 · Shenzhen\nFounding");
    expect(byEvent(items, "wdec")[0].title).toContain("Online");
    expect(byEvent(items, "centres-total")[0].title).toContain("Place not known");
  });

  it("has no rows when not grouped", () => {
    expect(items.every((i) => i.group === undefined)).toBe(true);
    expect(timelineGroups(index.events, index, "none")).toEqual([]);
  });
});

describe("grouping by category", () => {
  const items = timelineItems(index.events, index, "category");
  const groups = timelineGroups(index.events, index, "category");

  it("puts each event in its category's row, once", () => {
    expect(items).toHaveLength(index.events.length);
    expect(byEvent(items, "wdec")[0].group).toBe("conference");
  });

  it("uses item ids of its own, so switching rows never reuses another grouping's items", () => {
    const flat = new Set(timelineItems(index.events, index, "none").map((i) => i.id));
    expect(items.some((i) => flat.has(i.id))).toBe(false);
    expect(items.every((i) => eventIdOfItem(i.id) === i.eventId)).toBe(true);
  });

  it("lists only categories with events, in the dataset's order, by name", () => {
    expect(groups.map((g) => g.content)).toEqual(["Founding", "Agreement", "Conference", "Launch", "Milestone"]);
    const fewer = timelineGroups(index.events.filter((e) => e.category !== "agreement"), index, "category");
    expect(fewer.map((g) => g.id)).not.toContain("agreement");
  });
});

describe("grouping by organization", () => {
  const items = timelineItems(index.events, index, "organization");
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
  it("lets the user scroll a year beyond the data, no further", () => {
    const { min, max, zoomMax } = timelineLimits(index);
    expect(new Date(min).getUTCFullYear()).toBe(2014);
    expect(new Date(max).getUTCFullYear()).toBe(2026);
    expect(zoomMax).toBe(max - min);
  });

  it("fits the given events with a margin, and still shows something for a single day", () => {
    const all = fitWindow(index.events, index);
    expect(all.startMs).toBeLessThan(utc(2015, 5, 1).getTime());
    expect(all.endMs).toBeGreaterThan(utc(2025, 5, 17).getTime());
    const one = fitWindow([index.eventById.get("ichei-founded")!], index);
    expect(one.endMs - one.startMs).toBeGreaterThanOrEqual(30 * 86_400_000);
  });
});
