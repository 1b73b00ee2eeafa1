import { describe, expect, it } from "vitest";
import { eventsOutside, inView, type ViewBounds } from "./map-offscreen";

// The China-first view the dashboard opens on (roughly), and the places it leaves out.
const china: ViewBounds = { south: 18, west: 73, north: 48, east: 135 };
const shanghai = { lat: 31.23, lon: 121.47, count: 12 };
const paris = { lat: 48.86, lon: 2.35, count: 5 };
const dakar = { lat: 14.69, lon: -17.45, count: 1 };
const jakarta = { lat: -6.2, lon: 106.85, count: 1 };

describe("eventsOutside", () => {
  it("counts the events at places the map leaves out, Paris ×5, Dakar and Jakarta in the China-first view", () => {
    expect(eventsOutside([shanghai, paris, dakar, jakarta], china)).toBe(7);
  });

  it("is zero when every place is on the map, and for no places", () => {
    expect(eventsOutside([shanghai], china)).toBe(0);
    expect(eventsOutside([], china)).toBe(0);
  });

  it("counts a place on the edge as shown", () => {
    expect(eventsOutside([{ lat: 18, lon: 135, count: 2 }], china)).toBe(0);
  });
});

describe("inView", () => {
  it("finds a place on a repeated copy of the world when the map crosses the antimeridian", () => {
    const pacific: ViewBounds = { south: -50, west: 150, north: 10, east: 200 };
    expect(inView(-17.7, 178.4, pacific)).toBe(true); // Fiji, west of 180
    expect(inView(-13.8, -171.8, pacific)).toBe(true); // Samoa, east of 180 (188.2 on this copy)
    expect(inView(-33.9, 151.2, pacific)).toBe(true);
    expect(inView(-6.2, 106.85, pacific)).toBe(false);
  });

  it("takes every longitude when the map is wider than the world", () => {
    expect(inView(48.86, 2.35, { south: -80, west: -300, north: 80, east: 300 })).toBe(true);
    expect(inView(85, 2.35, { south: -80, west: -300, north: 80, east: 300 })).toBe(false);
  });

  it("reads a map shifted a whole turn west the same", () => {
    expect(inView(31.23, 121.47, { south: 18, west: 73 - 360, north: 48, east: 135 - 360 })).toBe(true);
  });
});
