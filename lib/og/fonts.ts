import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fontCodePoints } from "./cmap";
import { CjkFonts } from "./cjk";

/**
 * The fonts preview images are drawn with, shipped with the app (npm `@fontsource/noto-sans`, WOFF 1:
 * next/og reads TTF, OTF and WOFF, not WOFF2), and the subsets of Noto Sans SC a text needs (cjk.ts).
 *
 * Every character drawn must be covered by one of them: for any other, next/og would fetch a font
 * or an emoji image from the internet, a request the visitor controls. `drawable` strips them.
 */
// Each subset file gets a family name of its own: satori keeps one font per name and weight, so
// subsets sharing a name would hide each other (seen: Latin Extended-B then fetched from the internet).
const FONT_FILES = [
  { family: "Noto Sans", file: "@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff", weight: 400 },
  { family: "Noto Sans Latin Ext", file: "@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff", weight: 400 },
  { family: "Noto Sans", file: "@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff", weight: 700 },
  { family: "Noto Sans Latin Ext", file: "@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff", weight: 700 },
] as const;

/** The CSS font-family list to draw with: every family above, in order. */
export const PREVIEW_FONT_FAMILY = [...new Set(FONT_FILES.map((f) => f.family))].map((f) => `"${f}"`).join(", ");

export interface PreviewFont {
  name: string;
  data: ArrayBuffer;
  weight: 400 | 700;
  style: "normal";
}

export interface PreviewFonts {
  fonts: PreviewFont[];
  /** Code points that every weight can draw. */
  covered: ReadonlySet<number>;
}

let loading: Promise<PreviewFonts> | undefined;
let cjk: CjkFonts | undefined;

const MODULES_DIR = () => path.join(/*turbopackIgnore: true*/ process.cwd(), "node_modules");

/**
 * The fonts that draw these texts: the Latin ones always, plus the Chinese subsets holding the
 * characters they lack. `covered` is what all of them can draw; `family` the CSS list to draw with.
 */
export async function previewFontsFor(texts: string[], modulesDir = MODULES_DIR()): Promise<PreviewFonts & { family: string }> {
  const base = await loadPreviewFonts(modulesDir);
  const missing = new Set<number>();
  for (const text of texts) for (const char of text) if (!base.covered.has(char.codePointAt(0)!)) missing.add(char.codePointAt(0)!);
  if (missing.size === 0) return { ...base, family: PREVIEW_FONT_FAMILY };
  cjk ??= new CjkFonts(modulesDir);
  const chinese = await cjk.forText(missing);
  return {
    fonts: [...base.fonts, ...chinese.fonts],
    covered: new Set([...base.covered, ...chinese.covered]),
    family: [PREVIEW_FONT_FAMILY, ...chinese.families.map((f) => `"${f}"`)].join(", "),
  };
}

export function loadPreviewFonts(modulesDir = MODULES_DIR()): Promise<PreviewFonts> {
  loading ??= (async () => {
    const fonts = await Promise.all(
      FONT_FILES.map(async ({ family, file, weight }) => {
        const bytes = await readFile(path.join(/*turbopackIgnore: true*/ modulesDir, file));
        return {
          bytes,
          font: {
            name: family,
            data: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
            weight,
            style: "normal",
          } as PreviewFont,
        };
      }),
    );
    return {
      fonts: fonts.map((f) => f.font),
      covered: coveredByEveryWeight(fonts.map((f) => ({ weight: f.font.weight, points: fontCodePoints(f.bytes) }))),
    };
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

/** A character counts as covered only if each weight has it, so bold text never falls back to a fetch. */
export function coveredByEveryWeight(faces: { weight: number; points: Set<number> }[]): Set<number> {
  const byWeight = new Map<number, Set<number>>();
  for (const { weight, points } of faces) {
    const set = byWeight.get(weight) ?? new Set<number>();
    for (const p of points) set.add(p);
    byWeight.set(weight, set);
  }
  const [first, ...rest] = [...byWeight.values()];
  return new Set([...(first ?? [])].filter((p) => rest.every((set) => set.has(p))));
}

/**
 * The text with only characters the fonts cover: whitespace and control characters become a space,
 * each run of other uncovered characters one "…" (so a Chinese name leaves a visible trace).
 */
export function drawable(text: string, covered: ReadonlySet<number>): string {
  let out = "";
  let skipping = false;
  for (const char of text.normalize("NFC")) {
    const cp = char.codePointAt(0)!;
    if (/[\s\p{Cc}]/u.test(char)) {
      out += " ";
      skipping = false;
    } else if (covered.has(cp)) {
      out += char;
      skipping = false;
    } else if (!skipping) {
      out += covered.has(0x2026) ? "…" : "";
      skipping = true;
    }
  }
  return out.replace(/ {2,}/g, " ").trim();
}
