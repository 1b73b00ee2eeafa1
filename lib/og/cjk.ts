import "server-only";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fontCodePoints } from "./cmap";
import type { PreviewFont } from "./fonts";

/**
 * Chinese for preview images: Noto Sans SC from npm (`@fontsource/noto-sans-sc`), which ships the
 * font cut into ~100 unicode-range subsets of 10–100 KB (WOFF 1, which satori reads). A render loads
 * only the subsets holding the characters it draws, once per process (a few MB for this dataset's
 * and interface's Chinese, instead of the whole font's ~8 MB a weight), and never fetches anything.
 *
 * Each subset file is registered under a family name of its own ("Noto Sans SC 57"): satori keeps
 * one font per name and weight, so subsets sharing a name would hide each other.
 */
const PACKAGE = "@fontsource/noto-sans-sc";
const WEIGHTS = [400, 700] as const;

interface Subset {
  id: string;
  /** Inclusive code point ranges, from the package's CSS `unicode-range`. */
  ranges: [number, number][];
}

/** The numbered (CJK) subsets and their ranges, as the package's CSS declares them. */
export function parseSubsets(css: string): Subset[] {
  const subsets: Subset[] = [];
  const face = /\/\* noto-sans-sc-\[(\d+)\]-\d+-normal \*\/[^}]*?unicode-range:\s*([^;]+);/g;
  for (const [, id, list] of css.matchAll(face)) {
    const ranges = list.split(",").map((r): [number, number] => {
      const [a, b = a] = r.trim().replace(/^U\+/i, "").split("-");
      return [parseInt(a, 16), parseInt(b, 16)];
    });
    subsets.push({ id, ranges });
  }
  return subsets;
}

export class CjkFonts {
  private subsets: Subset[] | undefined;
  private readonly loaded = new Map<string, Promise<{ fonts: PreviewFont[]; covered: Set<number> }>>();

  constructor(private readonly modulesDir: string) {}

  private list(): Subset[] {
    this.subsets ??= parseSubsets(readFileSync(path.join(/*turbopackIgnore: true*/ this.modulesDir, PACKAGE, "400.css"), "utf8"));
    return this.subsets;
  }

  /** The subsets declaring any of these code points. */
  subsetsFor(codePoints: Iterable<number>): string[] {
    const ids = new Set<string>();
    for (const cp of codePoints) {
      const subset = this.list().find((s) => s.ranges.some(([a, b]) => cp >= a && cp <= b));
      if (subset) ids.add(subset.id);
    }
    return [...ids].sort((a, b) => Number(a) - Number(b));
  }

  /** One subset in both weights, with the code points both weights really have (read from their cmap). */
  private load(id: string) {
    let entry = this.loaded.get(id);
    if (!entry) {
      entry = (async () => {
        const faces = await Promise.all(
          WEIGHTS.map(async (weight) => {
            const bytes = await readFile(
              path.join(/*turbopackIgnore: true*/ this.modulesDir, PACKAGE, "files", `noto-sans-sc-${id}-${weight}-normal.woff`),
            );
            const font: PreviewFont = {
              name: familyOf(id),
              data: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
              weight,
              style: "normal",
            };
            return { font, points: fontCodePoints(bytes) };
          }),
        );
        const [first, ...rest] = faces.map((f) => f.points);
        return { fonts: faces.map((f) => f.font), covered: new Set([...first].filter((p) => rest.every((set) => set.has(p)))) };
      })();
      entry.catch(() => this.loaded.delete(id));
      this.loaded.set(id, entry);
    }
    return entry;
  }

  /** The fonts (and their families, in order) that draw the given characters, and which of them they cover. */
  async forText(codePoints: Iterable<number>): Promise<{ fonts: PreviewFont[]; families: string[]; covered: Set<number> }> {
    const ids = this.subsetsFor(codePoints);
    const parts = await Promise.all(ids.map((id) => this.load(id)));
    const covered = new Set<number>();
    for (const part of parts) for (const p of part.covered) covered.add(p);
    return { fonts: parts.flatMap((p) => p.fonts), families: ids.map(familyOf), covered };
  }
}

const familyOf = (id: string) => `Noto Sans SC ${id}`;
