import { describe, expect, it } from "vitest";
import { uiText } from "@/lib/i18n/ui";
import type { MapPoint } from "@/lib/map/map-points";
import { buildIndex, featuresIn, layoutPins, type PinViewport } from "./pin-layout";
import { raiseOffset } from "./pin-look";

/*
 * How a pin looks and what it is called, as the live map and the still preview both draw it: here,
 * the open tour step's ring and name.
 */

const en = uiText("en");
const zh = uiText("zh");

const point = (placeId: string, name: string, nameZh: string, lat: number, lon: number, count: number, tour = false): MapPoint => ({
  placeId,
  name,
  nameZh,
  country: "cn",
  lat,
  lon,
  count,
  certainty: "stated",
  ...(tour ? { tour } : {}),
});

const points = [
  point("shenzhen", "Shenzhen", "深圳", 22.5431, 114.0579, 3, true),
  point("shanghai", "Shanghai", "上海", 31.2304, 121.4737, 4),
  point("suzhou", "Suzhou", "苏州", 31.299, 120.5853, 1, true),
  point("beijing", "Beijing", "北京", 39.9042, 116.4074, 2),
];

function pinsAt(zoom: number, state = { selectedPlaceId: null as string | null, activeCities: new Set<string>() }, text = en) {
  const index = buildIndex(points, 17);
  const viewport: PinViewport = { bbox: [-180, -85, 180, 85], zoom, frame: { width: 4000, height: 4000 }, covered: [] };
  const toScreen = (lat: number, lon: number) => ({ x: (lon + 180) * 2 ** zoom * 2, y: (90 - lat) * 2 ** zoom * 2 });
  return layoutPins(index, featuresIn(index, viewport), viewport, toScreen, state, text);
}

describe("the open tour step's pins", () => {
  it("rings a place of the step and names it so; other places stay as they are", () => {
    const pins = pinsAt(8);
    const shenzhen = pins.find((p) => p.key === "p:shenzhen")!;
    expect(shenzhen.className.split(" ")).toContain("map-pin--tour");
    expect(shenzhen.label).toBe("Shenzhen — 3 events, part of this tour step");
    expect(shenzhen.raise).toBe("tour");
    const beijing = pins.find((p) => p.key === "p:beijing")!;
    expect(beijing.className).toBe("map-pin map-pin--stated");
    expect(beijing.label).toBe("Beijing — 2 events");
    expect(beijing.raise).toBeNull();
  });

  it("says it in Chinese too", () => {
    expect(pinsAt(8, undefined, zh).find((p) => p.key === "p:shenzhen")!.label).toBe("深圳 — 3 个事件，属于本导览步骤");
  });

  it("rings a cluster that holds a place of the step", () => {
    // At zoom 2 Shanghai and Suzhou are a pixel or two apart: one cluster.
    const cluster = pinsAt(2).find((p) => p.cluster)!;
    expect(cluster.count).toBe(5);
    expect(cluster.className.split(" ")).toEqual(expect.arrayContaining(["map-pin--cluster", "map-pin--tour"]));
    expect(cluster.label).toMatch(/, part of this tour step$/);
  });

  it("keeps the selection and the filter above the tour's ring, and the ring above plain pins", () => {
    const selected = pinsAt(8, { selectedPlaceId: "shenzhen", activeCities: new Set() }).find((p) => p.key === "p:shenzhen")!;
    expect(selected.className.split(" ")).toEqual(expect.arrayContaining(["map-pin--tour", "is-selected"]));
    expect(selected.raise).toBe("selected");
    expect(raiseOffset("selected")).toBeGreaterThan(raiseOffset("active"));
    expect(raiseOffset("active")).toBeGreaterThan(raiseOffset("tour"));
    expect(raiseOffset("tour")).toBeGreaterThan(raiseOffset(null));
  });
});
