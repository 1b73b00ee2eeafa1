import { describe, expect, it } from "vitest";
import { fitCamera, limitZoom, project, screenOf, unproject } from "./map-camera";

const RULES = { minZoom: 1, maxZoom: 10, zoomSnap: 0.5 };
const FIT = { paddingTopLeft: [40, 52] as [number, number], paddingBottomRight: [40, 72] as [number, number], maxZoom: 6 };
const SIZE = { width: 960, height: 400 };
// The China-first view's places: Urumqi, Tashkent, Lahore … Shanghai, Shenzhen.
const CHINA: [[number, number], [number, number]] = [
  [22.54, 69.24],
  [43.83, 123.45],
];

describe("Web Mercator as Leaflet computes it", () => {
  it("puts the world's centre in the middle of the zoom-0 tile, and north up", () => {
    expect(project(0, 0, 0)).toEqual({ x: 128, y: 128 });
    expect(project(0, 180, 0).x).toBe(256);
    expect(project(60, 0, 0).y).toBeLessThan(128);
  });

  it("unprojects what it projects", () => {
    const back = unproject(project(31.23, 121.47, 4.5).x, project(31.23, 121.47, 4.5).y, 4.5);
    expect(back.lat).toBeCloseTo(31.23, 9);
    expect(back.lon).toBeCloseTo(121.47, 9);
  });

  it("snaps and clamps zoom levels as the map's options say", () => {
    expect(limitZoom(3.3, RULES)).toBe(3.5);
    expect(limitZoom(0.2, RULES)).toBe(1);
    expect(limitZoom(14, RULES)).toBe(10);
  });
});

describe("fitCamera", () => {
  const camera = fitCamera(CHINA, SIZE, FIT, RULES);
  const screen = screenOf(camera, SIZE);

  it("shows every corner of the bounds inside the padded area", () => {
    for (const [lat, lon] of [CHINA[0], CHINA[1], [CHINA[0][0], CHINA[1][1]], [CHINA[1][0], CHINA[0][1]]] as const) {
      const { x, y } = screen.point(lat, lon);
      expect(x).toBeGreaterThanOrEqual(FIT.paddingTopLeft[0] - 0.5);
      expect(y).toBeGreaterThanOrEqual(FIT.paddingTopLeft[1] - 0.5);
      expect(x).toBeLessThanOrEqual(SIZE.width - FIT.paddingBottomRight[0] + 0.5);
      expect(y).toBeLessThanOrEqual(SIZE.height - FIT.paddingBottomRight[1] + 0.5);
    }
  });

  it("zooms as far as a snap level allows: half a level more would not fit", () => {
    expect(camera.zoom % RULES.zoomSnap).toBe(0);
    const closer = screenOf({ ...camera, zoom: camera.zoom + RULES.zoomSnap }, SIZE);
    const west = closer.point(CHINA[0][0], CHINA[0][1]).x;
    const east = closer.point(CHINA[1][0], CHINA[1][1]).x;
    const south = closer.point(CHINA[0][0], CHINA[0][1]).y;
    const north = closer.point(CHINA[1][0], CHINA[1][1]).y;
    const room = {
      x: SIZE.width - FIT.paddingTopLeft[0] - FIT.paddingBottomRight[0],
      y: SIZE.height - FIT.paddingTopLeft[1] - FIT.paddingBottomRight[1],
    };
    expect(east - west > room.x || south - north > room.y).toBe(true);
  });

  it("centres a lone place at the fit's largest zoom", () => {
    const lone = fitCamera(
      [
        [31.23, 121.47],
        [31.23, 121.47],
      ],
      SIZE,
      FIT,
      RULES,
    );
    expect(lone.zoom).toBe(FIT.maxZoom);
    const { x, y } = screenOf(lone, SIZE).point(31.23, 121.47);
    // Centred within the padding, which is deeper at the bottom than at the top.
    expect(x).toBeCloseTo(SIZE.width / 2, 0);
    expect(y).toBeCloseTo(SIZE.height / 2 - (FIT.paddingBottomRight[1] - FIT.paddingTopLeft[1]) / 2, 0);
  });

  it("maps screen points back to the places under them, within the half pixel Leaflet rounds to", () => {
    const { x, y } = screen.point(39.9, 116.4);
    expect(Number.isInteger(x) && Number.isInteger(y)).toBe(true);
    const place = screen.place(x, y);
    const drift = project(place.lat, place.lon, camera.zoom);
    const exact = project(39.9, 116.4, camera.zoom);
    expect(Math.abs(drift.x - exact.x)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(drift.y - exact.y)).toBeLessThanOrEqual(0.5);
  });
});
