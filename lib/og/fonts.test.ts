import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fontCodePoints } from "./cmap";
import { coveredByEveryWeight, drawable, loadPreviewFonts, previewFontsFor } from "./fonts";

describe("preview fonts", () => {
  it("cover Latin, Latin Extended-B and typographic punctuation, but not CJK or control characters", async () => {
    const { covered, fonts } = await loadPreviewFonts();
    expect(fonts.map((f) => f.weight).sort()).toEqual([400, 400, 700, 700]);
    for (const c of "Aé–—…·ƀȻ“”") expect(covered.has(c.codePointAt(0)!), c).toBe(true);
    for (const c of ["上", "\u0001", "😀", "\uFE0F"]) expect(covered.has(c.codePointAt(0)!), c).toBe(false);
  });

  it("refuses WOFF2, which next/og cannot read", () => {
    const woff2 = readFileSync("node_modules/@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2");
    expect(() => fontCodePoints(woff2)).toThrow(/WOFF2/);
  });
});

describe("drawable", () => {
  const covered = new Set([..."abc …"].map((c) => c.codePointAt(0)!));
  it("keeps covered text, turns controls into spaces and each uncovered run into one ellipsis", () => {
    expect(drawable("abc", covered)).toBe("abc");
    expect(drawable("a\u0001b\nc", covered)).toBe("a b c");
    expect(drawable("a上海b😀c", covered)).toBe("a…b…c");
    expect(drawable("\u0001", covered)).toBe("");
  });

  it("a character missing from one weight is not covered", () => {
    const covered = coveredByEveryWeight([
      { weight: 400, points: new Set([1, 2, 3]) },
      { weight: 700, points: new Set([1]) },
      { weight: 700, points: new Set([2]) },
    ]);
    expect([...covered].sort()).toEqual([1, 2]);
  });
});

describe("Chinese preview fonts", () => {
  it("load only the Noto Sans SC subsets the text needs, under a family name each", async () => {
    const { covered, fonts, family } = await previewFontsFor(["上海 · 2 个事件"]);
    for (const c of "上海个事件") expect(covered.has(c.codePointAt(0)!), c).toBe(true);
    const chinese = fonts.filter((f) => f.name.startsWith("Noto Sans SC"));
    expect(chinese.length).toBeGreaterThan(0);
    expect(chinese.length).toBeLessThanOrEqual(2 * 5); // both weights of a few subsets, not the whole font
    expect(family).toMatch(/"Noto Sans SC \d+"/);
    expect(drawable("上海", covered)).toBe("上海");
  });

  it("add nothing for Latin text", async () => {
    const { fonts } = await previewFontsFor(["Shanghai · 4 events"]);
    expect(fonts.every((f) => !f.name.startsWith("Noto Sans SC"))).toBe(true);
  });
});
