import "server-only";
import { inflateSync } from "node:zlib";

/**
 * The code points a font has glyphs for, read from its `cmap` table. Accepts TrueType/OpenType
 * (.ttf/.otf) and WOFF 1 — the formats next/og's renderer (satori) reads; WOFF2 is not one of them.
 */
export function fontCodePoints(font: Uint8Array): Set<number> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const cmap = readTable(font, view, "cmap");
  return cmapCodePoints(new DataView(cmap.buffer, cmap.byteOffset, cmap.byteLength));
}

function readTable(font: Uint8Array, view: DataView, tag: string): Uint8Array {
  const signature = view.getUint32(0);
  const woff = signature === 0x774f4646; // "wOFF"
  if (signature === 0x774f4632) throw new Error("WOFF2 fonts are not supported by next/og: use .woff, .ttf or .otf");
  const numTables = view.getUint16(woff ? 12 : 4);
  const entry = woff ? 20 : 16;
  for (let i = 0; i < numTables; i++) {
    const at = (woff ? 44 : 12) + i * entry;
    if (String.fromCharCode(...font.subarray(at, at + 4)) !== tag) continue;
    if (!woff) return font.subarray(view.getUint32(at + 8), view.getUint32(at + 8) + view.getUint32(at + 12));
    const offset = view.getUint32(at + 4);
    const compressed = view.getUint32(at + 8);
    const original = view.getUint32(at + 12);
    const data = font.subarray(offset, offset + compressed);
    return compressed < original ? inflateSync(data) : data;
  }
  throw new Error(`font has no ${tag} table`);
}

/** Unicode subtables only (platform 0, or Windows 3/1 and 3/10), formats 4 and 12. */
function cmapCodePoints(cmap: DataView): Set<number> {
  const points = new Set<number>();
  const count = cmap.getUint16(2);
  for (let i = 0; i < count; i++) {
    const platform = cmap.getUint16(4 + i * 8);
    const encoding = cmap.getUint16(6 + i * 8);
    if (!(platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10)))) continue;
    const at = cmap.getUint32(8 + i * 8);
    const format = cmap.getUint16(at);
    if (format === 4) readFormat4(cmap, at, points);
    else if (format === 12) readFormat12(cmap, at, points);
  }
  return points;
}

function readFormat4(cmap: DataView, at: number, points: Set<number>) {
  const segments = cmap.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    const end = cmap.getUint16(ends + s * 2);
    const start = cmap.getUint16(starts + s * 2);
    const delta = cmap.getInt16(deltas + s * 2);
    const rangeOffset = cmap.getUint16(rangeOffsets + s * 2);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        const g = cmap.getUint16(rangeOffsets + s * 2 + rangeOffset + (c - start) * 2);
        glyph = g === 0 ? 0 : (g + delta) & 0xffff;
      }
      if (glyph !== 0) points.add(c);
    }
  }
}

function readFormat12(cmap: DataView, at: number, points: Set<number>) {
  const groups = cmap.getUint32(at + 12);
  for (let g = 0; g < groups; g++) {
    const start = cmap.getUint32(at + 16 + g * 12);
    const end = cmap.getUint32(at + 20 + g * 12);
    const glyph = cmap.getUint32(at + 24 + g * 12);
    for (let c = start; c <= end; c++) if (glyph + (c - start) !== 0) points.add(c);
  }
}
