import { describe, expect, it } from "vitest";
import { labelBox, labelSize, placeLabels, spreadPins, type Box, type LabelCandidate } from "./map-labels";

const frame = { width: 800, height: 400 };
const pin = (id: string, x: number, y: number, text = id): LabelCandidate => ({ id, x, y, radius: 13, ...labelSize(text) });

describe("placeLabels", () => {
  it("puts a lone name to the right of its badge", () => {
    expect(placeLabels([pin("Shanghai", 400, 200)], frame).get("Shanghai")).toBe("right");
  });

  it("moves a name to a free side when a neighbour's badge sits to the right (Suzhou west of Shanghai)", () => {
    // Suzhou is about 0.9° west of Shanghai: ~30 px apart at the China-first zoom.
    const placed = placeLabels([pin("Shanghai", 430, 200), pin("Suzhou", 400, 200)], frame);
    expect(placed.get("Shanghai")).toBe("right");
    expect(placed.get("Suzhou")).toBe("left");
  });

  it("keeps a name out from under the map's buttons: Chaoyang's name goes left of a button on its right", () => {
    const worldButton: Box = { left: 460, top: 10, right: 540, bottom: 40 };
    const placed = placeLabels([pin("Chaoyang", 440, 25)], frame, [worldButton]);
    expect(placed.get("Chaoyang")).toBe("left");
    expect(placeLabels([pin("Chaoyang", 440, 25)], frame).get("Chaoyang")).toBe("right");
  });

  it("never lets a name overlap a badge or another name, dropping the quieter one when no side is free", () => {
    // A deterministic scatter of 40 pins on a small map: crowded enough that some names must go.
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const crowd = Array.from({ length: 40 }, (_, i) => pin(`Place-${i}`, 20 + random() * 360, 20 + random() * 160));
    const small = { width: 400, height: 200 };
    const placed = placeLabels(crowd, small);
    const boxes = crowd.flatMap((c) => {
      const side = placed.get(c.id);
      return side ? [labelBox(c, side)] : [];
    });
    expect(boxes.length).toBeGreaterThan(5);
    expect([...placed.values()]).toContain(null);
    const hit = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    for (const [i, a] of boxes.entries()) {
      expect(a.left >= 0 && a.top >= 0 && a.right <= small.width && a.bottom <= small.height).toBe(true);
      for (const b of boxes.slice(i + 1)) expect(hit(a, b)).toBe(false);
      for (const c of crowd)
        expect(hit(a, { left: c.x - c.radius, top: c.y - c.radius, right: c.x + c.radius, bottom: c.y + c.radius })).toBe(false);
    }
  });

  it("keeps names inside the map: a pin at the right edge gets its name on the left", () => {
    expect(placeLabels([pin("Shanghai", 790, 200)], frame).get("Shanghai")).toBe("left");
    expect(placeLabels([pin("Dakar", 30, 8)], frame).get("Dakar")).toBe("bottom");
    expect(placeLabels([pin("Tashkent", -10, 100)], frame).get("Tashkent")).toBeNull();
  });
});

describe("labelSize", () => {
  it("gives Chinese characters a full em, so 上海 is not cut", () => {
    expect(labelSize("上海").width).toBeGreaterThan(labelSize("SH").width);
    expect(labelSize("Shanghai").height).toBe(18);
  });
});

describe("spreadPins", () => {
  it("parts overlapping badges until they touch, the busier one moving least (Shanghai and Suzhou)", () => {
    const spread = spreadPins([
      { id: "shanghai", x: 420, y: 200, radius: 13, weight: 7 },
      { id: "suzhou", x: 400, y: 200, radius: 13, weight: 1 },
    ]);
    const shanghai = spread.get("shanghai")!;
    const suzhou = spread.get("suzhou")!;
    expect(Math.hypot(shanghai.x - suzhou.x, shanghai.y - suzhou.y)).toBeGreaterThanOrEqual(27.9);
    expect(Math.abs(shanghai.x - 420)).toBeLessThanOrEqual(1.01);
    expect(suzhou.x).toBeLessThan(400);
  });

  it("leaves pins that do not overlap where they are", () => {
    const spread = spreadPins([
      { id: "a", x: 0, y: 0, radius: 13, weight: 1 },
      { id: "b", x: 100, y: 0, radius: 13, weight: 1 },
    ]);
    expect(spread.get("a")).toEqual({ x: 0, y: 0 });
    expect(spread.get("b")).toEqual({ x: 100, y: 0 });
  });
});
