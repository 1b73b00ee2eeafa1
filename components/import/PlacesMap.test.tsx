import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";
import type { PreviewMap } from "@/lib/import/check-file";
import { frameOf, PlacesMap } from "./PlacesMap";

const MAP: PreviewMap = {
  places: [
    { id: "shanghai", name: "Shanghai", nameZh: "上海", lat: 31.23, lon: 121.47, events: 12 },
    { id: "paris", name: "Paris", nameZh: "巴黎", lat: 48.86, lon: 2.35, events: 1 },
  ],
  total: 2,
  eventsWithoutPlace: 3,
};

describe("the import preview's map of the places", () => {
  it("draws the land and a dot a place, with a title, and the same places as a list", () => {
    const html = renderToStaticMarkup(<PlacesMap map={MAP} text={en.import} lang="en" />);
    expect(html).toMatch(/<svg role="img" aria-labelledby="([^"]+)"[^>]*><title id="\1">Map of the imported places: 2 dots/);
    expect(html).toContain('href="/basemap/countries-110m.svg#land"');
    expect(html.match(/<circle /g)).toHaveLength(2);
    expect(html).toContain("Shanghai (31.23, 121.47) — events: 12");
    expect(html).toContain("events without a place (held online, or the place unknown): 3.");
  });

  it("speaks Chinese", () => {
    const html = renderToStaticMarkup(<PlacesMap map={MAP} text={zh.import} lang="zh" />);
    expect(html).toContain("上海 (31.23, 121.47) — 事件：12");
    expect(html).toContain("线上举行或地点不明）3 个");
  });

  it("says how many events it cannot show when no place has coordinates, and draws no map", () => {
    const html = renderToStaticMarkup(<PlacesMap map={{ places: [], total: 0, eventsWithoutPlace: 4 }} text={en.import} lang="en" />);
    expect(html).not.toContain("<svg");
    expect(html).toContain("unknown): 4.");
  });

  it("frames the places with room around them, two to one, inside the world", () => {
    const one = frameOf([{ x: 100, y: 100 }]);
    expect(one.width / one.height).toBeCloseTo(2);
    expect(one.x).toBeLessThan(100);
    expect(one.x + one.width).toBeGreaterThan(100);
    const world = frameOf([
      { x: 0, y: 10 },
      { x: 256, y: 240 },
    ]);
    expect(world).toEqual({ x: 0, y: expect.any(Number), width: 256, height: 128 });
    expect(world.y).toBeGreaterThanOrEqual(0);
    expect(world.y + world.height).toBeLessThanOrEqual(256);
  });
});
