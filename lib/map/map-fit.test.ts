import { describe, expect, it } from "vitest";
import { fitCamera } from "./map-camera";
import { clearOfControls, FIT_OPTIONS, fitKeyOf, fitOptionsFor, LONE_PLACE_ZOOM, withNewPlaces, type Bounds } from "./map-fit";

describe("clearOfControls", () => {
  const size = { width: 400, height: 300 };
  const [left, top] = FIT_OPTIONS.paddingTopLeft;
  const [right, bottom] = FIT_OPTIONS.paddingBottomRight;

  it("keeps a place under the buttons or the legend out of the clear area, as a fit would", () => {
    expect(clearOfControls({ x: 200, y: 150 }, size)).toBe(true);
    expect(clearOfControls({ x: left, y: top }, size)).toBe(true);
    expect(clearOfControls({ x: left - 1, y: 150 }, size)).toBe(false);
    expect(clearOfControls({ x: 200, y: top - 1 }, size)).toBe(false);
    expect(clearOfControls({ x: size.width - right + 1, y: 150 }, size)).toBe(false);
    expect(clearOfControls({ x: 200, y: size.height - bottom + 1 }, size)).toBe(false);
  });
});

describe("fitOptionsFor", () => {
  it("opens a lone place a step wider than the fit's cap, so the country around it shows", () => {
    const shanghai: Bounds = [
      [31.23, 121.47],
      [31.23, 121.47],
    ];
    expect(fitOptionsFor(shanghai).maxZoom).toBe(LONE_PLACE_ZOOM);
    expect(LONE_PLACE_ZOOM).toBeLessThan(FIT_OPTIONS.maxZoom);
    expect(fitOptionsFor(shanghai).paddingTopLeft).toEqual(FIT_OPTIONS.paddingTopLeft);
    const lone = fitCamera(shanghai, { width: 360, height: 240 }, fitOptionsFor(shanghai), { minZoom: 1, maxZoom: 10, zoomSnap: 0.5 });
    expect(lone.zoom).toBe(LONE_PLACE_ZOOM);
  });

  it("fits two places as before, up to the fit's cap", () => {
    const nearby: Bounds = [
      [31.23, 120.62],
      [31.3, 121.47],
    ];
    expect(fitOptionsFor(nearby)).toBe(FIT_OPTIONS);
  });
});

describe("withNewPlaces (the camera while playback runs)", () => {
  const shanghai = { placeId: "shanghai" };
  const beijing = { placeId: "beijing" };
  const paris = { placeId: "paris" };

  it("widens with each place that appears and keeps those that left the frame", () => {
    const first = withNewPlaces([], [shanghai]);
    const second = withNewPlaces(first, [beijing]);
    expect(fitKeyOf(second, false)).toBe(fitKeyOf([shanghai, beijing], false));
    expect(fitKeyOf(withNewPlaces(second, [paris, shanghai]), false)).toBe(fitKeyOf([shanghai, beijing, paris], false));
  });

  it("is the same fit (the same array) while no new place appears, so the map does not refit", () => {
    const seen = withNewPlaces([], [shanghai, beijing]);
    expect(withNewPlaces(seen, [beijing])).toBe(seen);
    expect(withNewPlaces(seen, [])).toBe(seen);
  });
});
