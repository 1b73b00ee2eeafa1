/**
 * The text encoding of a CSV/TSV/JSON file, told from its bytes: a byte-order mark names UTF-8 or
 * UTF-16; without one, text that decodes as UTF-8 is UTF-8, and otherwise GB18030 (what Excel on
 * Chinese Windows writes) when it decodes as that. Binary files are told apart first by their NUL
 * bytes and magic numbers, so a PNG named .csv is not read as GB18030 mojibake.
 */
export type Encoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "gb18030";

/** Byte-order marks, longest first. */
const BOMS: { bytes: number[]; encoding: Encoding; decoder: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: "utf-8-bom", decoder: "utf-8" },
  { bytes: [0xff, 0xfe], encoding: "utf-16le", decoder: "utf-16le" },
  { bytes: [0xfe, 0xff], encoding: "utf-16be", decoder: "utf-16be" },
];

/** Magic numbers of files people rename by mistake, to say what the file is. */
const MAGIC: { bytes: number[]; kind: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: "a zip or .xlsx file" },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], kind: "an old Excel .xls file" },
  { bytes: [0x25, 0x50, 0x44, 0x46], kind: "a PDF" },
  { bytes: [0x89, 0x50, 0x4e, 0x47], kind: "a PNG image" },
  { bytes: [0xff, 0xd8, 0xff], kind: "a JPEG image" },
];

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/** What binary file this is ("" when unknown), or null when it looks like text. */
export function binaryKind(bytes: Uint8Array): string | null {
  const magic = MAGIC.find((m) => startsWith(bytes, m.bytes));
  if (magic) return magic.kind;
  if (BOMS.some((b) => startsWith(bytes, b.bytes))) return null;
  // Text (UTF-8 or GB18030) never holds a NUL byte; look at the first 8 KB.
  return bytes.subarray(0, 8192).includes(0) ? "" : null;
}

export type Decoded = { ok: true; text: string; encoding: Encoding } | { ok: false };

/** Bytes decoded at a time: a 50 MB file takes a second or more to decode, said in steps. */
const DECODE_CHUNK = 1 << 20;

/**
 * The text of `bytes` in one encoding; throws on bytes that are not that encoding. With `progress`, a
 * megabyte at a time, told after each (the share decoded): the pieces join as a V8 rope, flattened
 * when the text is first read, which holds the text twice for a moment. Without (the command), at once.
 */
function decodeAs(label: string, bytes: Uint8Array, progress?: (fraction: number) => void): string {
  const decoder = new TextDecoder(label, { fatal: true });
  if (!progress) return decoder.decode(bytes);
  let text = "";
  for (let start = 0; start < bytes.length; start += DECODE_CHUNK) {
    const end = Math.min(start + DECODE_CHUNK, bytes.length);
    // `stream` keeps a character cut between two chunks for the next; the last chunk flushes.
    text += decoder.decode(bytes.subarray(start, end), { stream: end < bytes.length });
    progress(end / bytes.length);
  }
  return text;
}

export function decodeText(bytes: Uint8Array, progress?: (fraction: number) => void): Decoded {
  const bom = BOMS.find((b) => startsWith(bytes, b.bytes));
  try {
    if (bom) return { ok: true, encoding: bom.encoding, text: decodeAs(bom.decoder, bytes.subarray(bom.bytes.length), progress) };
  } catch {
    return { ok: false };
  }
  for (const encoding of ["utf-8", "gb18030"] as const) {
    try {
      return { ok: true, encoding, text: decodeAs(encoding, bytes, progress) };
    } catch {
      // not this one: try the next
    }
  }
  return { ok: false };
}

/** How the summary names an encoding. */
export const ENCODING_NAMES: Record<Encoding, string> = {
  "utf-8": "UTF-8",
  "utf-8-bom": "UTF-8 with BOM",
  "utf-16le": "UTF-16 LE (BOM)",
  "utf-16be": "UTF-16 BE (BOM)",
  gb18030: "GB18030",
};
