import { describe, expect, it } from "vitest";
import { indexDataset, type Dataset } from "../data/dataset";
import type { Event, Place } from "../data/schema";
import { uiText } from "../i18n/ui";
import { clusterNames, fitKeyOf, fitTarget } from "./map-fit";
import { windowOf } from "../core/time-window";
import { clusterLabel, mapPoints, markTourPins, pinLabel, pointsBounds, tourPlaces, unmappedLabel } from "./map-points";

const en = uiText("en");
const zh = uiText("zh");

const place = (id: string, name: string, nameZh: string, country: string, lat: number, lon: number): Place => ({
  id,
  name,
  nameZh,
  country,
  lat,
  lon,
});

const places = [
  place("shanghai", "Shanghai", "上海", "cn", 31.2304, 121.4737),
  place("beijing", "Beijing", "北京", "cn", 39.9042, 116.4074),
  place("paris", "Paris", "巴黎", "fr", 48.8566, 2.3522),
  place("suzhou", "Suzhou", "苏州", "cn", 31.299, 120.5853),
];

function event(id: string, start: string, placeId?: string, certainty: Event["placeCertainty"] = "stated"): Event {
  return {
    id,
    title: id,
    summary: "A test event.",
    start,
    ...(placeId ? { place: placeId } : {}),
    placeCertainty: certainty,
    category: "meeting",
    organizations: [],
    sources: [{ document: "seed.md", quote: "a quote" }],
  };
}

const dataset: Dataset = {
  places,
  organizations: [],
  categories: [{ id: "meeting", name: "Meeting" }],
  events: [
    event("sh-2016", "2016-06-08", "shanghai"),
    event("sh-2019", "2019-03", "shanghai"),
    event("sh-2023", "2023", "shanghai"),
    event("bj-2017", "2017-11-02", "beijing"),
    event("bj-2020", "2020", "beijing", "inferred"),
    event("paris-board", "2015-10", "paris", "inferred"),
    event("paris-board-2", "2018-04", "paris", "inferred"),
    event("webinar", "2020-05-12"), // online: no place
    event("online-forum", "2021-09"),
  ],
};
const index = indexDataset(dataset);

describe("mapPoints", () => {
  it("puts one pin per place with the number of its events", () => {
    const { points } = mapPoints(index.events, index);
    const counts = Object.fromEntries(points.map((p) => [p.placeId, p.count]));
    expect(counts).toEqual({ shanghai: 3, beijing: 2, paris: 2 });
  });

  it("counts events without a place as unmapped instead of dropping them", () => {
    const { points, unmapped } = mapPoints(index.events, index);
    expect(unmapped).toBe(2);
    expect(points.reduce((sum, p) => sum + p.count, 0) + unmapped).toBe(index.events.length);
  });

  it("shows a place only when some of the given events happened there", () => {
    const shanghaiOnly = index.events.filter((e) => e.place === "shanghai");
    const { points, unmapped } = mapPoints(shanghaiOnly, index);
    expect(points.map((p) => p.placeId)).toEqual(["shanghai"]);
    expect(points[0].count).toBe(3);
    expect(unmapped).toBe(0);
    expect(mapPoints([], index)).toEqual({ points: [], unmapped: 0 });
  });

  it("carries the place's names and coordinates for the pin and its tooltip", () => {
    const beijing = mapPoints(index.events, index).points.find((p) => p.placeId === "beijing");
    expect(beijing).toMatchObject({ name: "Beijing", nameZh: "北京", country: "cn", lat: 39.9042, lon: 116.4074 });
  });

  it("marks whether the place is stated in the sources, inferred, or a mix", () => {
    const certainty = Object.fromEntries(mapPoints(index.events, index).points.map((p) => [p.placeId, p.certainty]));
    expect(certainty).toEqual({ shanghai: "stated", beijing: "mixed", paris: "inferred" });
  });

  it("lists the busiest places first, ties by name, so pins tab in a stable order", () => {
    expect(mapPoints(index.events, index).points.map((p) => p.placeId)).toEqual(["shanghai", "beijing", "paris"]);
  });

  it("treats an event whose place is missing from the places file as unmapped", () => {
    const stray = { ...index.events[0], id: "stray", place: "atlantis" };
    expect(mapPoints([stray], index)).toEqual({ points: [], unmapped: 1 });
  });
});

describe("labels", () => {
  it("names the place and its count, singular for one event", () => {
    expect(pinLabel({ name: "Shanghai", nameZh: "上海", count: 4 }, en)).toBe("Shanghai — 4 events");
    expect(pinLabel({ name: "Paris", nameZh: "巴黎", count: 1 }, en)).toBe("Paris — 1 event");
  });

  it("tells a cluster's places and events and that it zooms in", () => {
    expect(clusterLabel(3, 9, en)).toBe("3 places — 9 events (zoom in)");
  });

  it("reports unmapped events in words", () => {
    expect(unmappedLabel(1, en)).toBe("1 event without a mapped place");
    expect(unmappedLabel(5, en)).toBe("5 events without a mapped place");
    expect(unmappedLabel(1234, zh)).toBe("1,234 个事件没有可标注的地点");
    expect(pinLabel({ name: "Shanghai", nameZh: "上海", count: 4 }, zh)).toBe("上海 — 4 个事件");
    expect(clusterLabel(3, 9, zh)).toBe("3 个地点 — 9 个事件（放大查看）");
  });
});

describe("the open tour step's pins", () => {
  // ICHEI's founding (Shenzhen, 8 June 2016) and a 2019 event in Shanghai.
  const stops = [
    { placeId: "shenzhen", startMs: Date.UTC(2016, 5, 8), endMs: Date.UTC(2016, 5, 8) },
    { placeId: "shanghai", startMs: Date.UTC(2019, 2, 1), endMs: Date.UTC(2019, 2, 31) },
  ];

  it("says a pin or a cluster is part of the step, in both languages", () => {
    const shenzhen = { name: "Shenzhen", nameZh: "深圳", count: 3, tour: true };
    expect(pinLabel(shenzhen, en)).toBe("Shenzhen — 3 events, part of this tour step");
    expect(pinLabel(shenzhen, zh)).toBe("深圳 — 3 个事件，属于本导览步骤");
    expect(pinLabel({ ...shenzhen, tour: false }, en)).toBe("Shenzhen — 3 events");
    expect(clusterLabel(2, 5, en, true)).toBe("2 places — 5 events (zoom in), part of this tour step");
  });

  it("rings the places whose step events fall in the window: the URL's, a drag's or a playback frame's", () => {
    expect(tourPlaces(stops, windowOf({ from: null, to: null }))).toEqual(new Set(["shenzhen", "shanghai"]));
    expect(tourPlaces(stops, windowOf({ from: "2016", to: "2016" }))).toEqual(new Set(["shenzhen"]));
    // A month-precise event counts in every frame it overlaps.
    expect(tourPlaces(stops, windowOf({ from: "2019-03-31", to: "2019-04" }))).toEqual(new Set(["shanghai"]));
    expect(tourPlaces(stops, windowOf({ from: "2017", to: "2018" }))).toEqual(new Set());
  });

  it("marks and renames those pins only, leaving the others as they were", () => {
    const { points } = mapPoints(index.events, index);
    const marked = markTourPins(points, new Set(["beijing"]), en);
    const beijing = marked.find((p) => p.placeId === "beijing")!;
    expect(beijing).toMatchObject({ tour: true, label: "Beijing — 2 events, part of this tour step" });
    expect(marked.filter((p) => p !== beijing)).toEqual(points.filter((p) => p.placeId !== "beijing"));
    expect(markTourPins(points, new Set(), en)).toBe(points);
  });
});

describe("pointsBounds", () => {
  it("spans the world when Paris is among Chinese cities, and is null with no points", () => {
    const { points } = mapPoints(index.events, index);
    expect(pointsBounds(points)).toEqual([
      [31.2304, 2.3522],
      [48.8566, 121.4737],
    ]);
    expect(pointsBounds([])).toBeNull();
  });
});

describe("fitTarget", () => {
  const all = mapPoints(index.events, index).points;
  it("opens the unfiltered view on the places in China, counting those abroad for the World control", () => {
    expect(fitTarget(all, true)).toEqual({
      bounds: [
        [31.2304, 116.4074],
        [39.9042, 121.4737],
      ],
      outside: 1,
    });
  });

  it("fits every matching place once anything is filtered", () => {
    expect(fitTarget(all, false)).toEqual({ bounds: pointsBounds(all), outside: 0 });
  });

  it("fits everything when a view has only places abroad or only places in China", () => {
    const paris = all.filter((p) => p.placeId === "paris");
    expect(fitTarget(paris, true)).toEqual({ bounds: pointsBounds(paris), outside: 0 });
    expect(fitTarget([], true)).toEqual({ bounds: null, outside: 0 });
  });
});

describe("fitKeyOf", () => {
  it("changes with the set of places, not with their counts or order", () => {
    const a = [{ placeId: "shanghai" }, { placeId: "paris" }];
    expect(fitKeyOf(a, false)).toBe(fitKeyOf([...a].reverse(), false));
    expect(fitKeyOf(a, false)).not.toBe(fitKeyOf(a.slice(1), false));
    expect(fitKeyOf(a, false)).not.toBe(fitKeyOf(a, true));
  });
});

describe("clusterNames", () => {
  it("names a cluster's busiest places, and how many more", () => {
    const ps = [
      { name: "Suzhou", nameZh: "苏州", count: 1 },
      { name: "Shanghai", nameZh: "上海", count: 7 },
    ];
    expect(clusterNames(ps, en)).toBe("Shanghai, Suzhou");
    expect(clusterNames(ps, zh)).toBe("上海、苏州");
    expect(clusterNames([...ps, { name: "Wuhan", nameZh: "武汉", count: 1 }], en)).toBe("Shanghai, Suzhou +1");
  });
});
