import { describe, expect, it } from "vitest";
import { decodeText } from "./encoding";

// Over three megabytes of text in which most characters take three bytes in UTF-8 and some four
// (two UTF-16 units): the megabyte steps of the decoding cut characters in two.
const text = "id,title\n" + Array.from({ length: 100_000 }, (_, i) => `e${i},教育合作 ${i} 𠀀 é\n`).join("");

describe("decodeText, a megabyte at a time", () => {
  it("gives back the text whole, however the steps cut its characters, and tells how far it is", () => {
    const bytes = new TextEncoder().encode(text);
    expect(bytes.length).toBeGreaterThan(3 * 2 ** 20);
    const fractions: number[] = [];
    const decoded = decodeText(bytes, (f) => fractions.push(f));
    expect(decoded).toEqual({ ok: true, encoding: "utf-8", text });
    expect(fractions.length).toBe(Math.ceil(bytes.length / 2 ** 20));
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBe(1);
  });

  it("reads UTF-16 with its BOM the same way", () => {
    const body = new Uint8Array(Buffer.from(text, "utf16le"));
    const bytes = new Uint8Array([0xff, 0xfe, ...body]);
    expect(decodeText(bytes, () => {})).toEqual({ ok: true, encoding: "utf-16le", text });
  });

  it("still refuses bytes that are no encoding it knows, even in the last step", () => {
    const bytes = new TextEncoder().encode(text);
    // A lone lead byte of a three-byte character at the very end: neither UTF-8 nor GB18030.
    const cut = new Uint8Array([...bytes, 0xe6]);
    expect(decodeText(cut, () => {})).toEqual({ ok: false });
    expect(decodeText(cut)).toEqual({ ok: false });
  });
});
