import { describe, expect, it } from "vitest";
import { clearOfControls, FIT_OPTIONS } from "./map-fit";

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
