import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fitText, truncate } from "./text-fit";

const box = { width: 1088, lines: 2, sizes: [64, 52, 44] };

describe("fitText", () => {
  it("keeps a short title whole at the largest size", () => {
    expect(fitText("Shanghai · 2023–2025 · 6 events", box)).toEqual({ text: "Shanghai · 2023–2025 · 6 events", fontSize: 64 });
  });

  it("shrinks a longer title before truncating it", () => {
    const title = "Shanghai, Beijing, Shenzhen, Wuhan and Urumqi · 2014–2025 · 40 events";
    const fitted = fitText(title, box);
    expect(fitted.text).toBe(title);
    expect(fitted.fontSize).toBeLessThan(64);
  });

  it("truncates an overlong title with an ellipsis, within the box's capacity at the smallest size", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 0, maxLength: 600 }), (text) => {
        const fitted = fitText(text, box);
        const perLine = Math.floor(box.width / (fitted.fontSize * 0.58));
        expect([...fitted.text].length).toBeLessThanOrEqual(perLine * box.lines);
        if (fitted.text !== text) expect(fitted.text.endsWith("…")).toBe(true);
      }),
    );
  });
});

describe("truncate", () => {
  it("cuts on a word boundary", () => {
    expect(truncate("Programme officers of the Asia-Pacific region meet", 30)).toBe("Programme officers of the…");
  });
});
