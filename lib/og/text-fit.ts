import "server-only";
/**
 * Fits a text to a box of `lines` lines of `width` px: picks the largest of the given font sizes
 * at which it fits, else truncates it at the smallest on a word boundary with "…". Widths are
 * estimated from an average glyph width (Noto Sans: about 0.55 em, 0.6 em bold), so the estimate
 * errs wide; the renderer's `lineClamp` is the backstop for what the estimate misses.
 */
export function fitText(
  text: string,
  box: { width: number; lines: number; sizes: number[]; em?: number },
): { text: string; fontSize: number } {
  const em = box.em ?? 0.58;
  const sizes = [...box.sizes].sort((a, b) => b - a);
  const capacity = (size: number) => Math.floor(box.width / (size * em)) * box.lines;
  for (const size of sizes) if (wrappedLength(text, Math.floor(box.width / (size * em))) <= capacity(size)) return { text, fontSize: size };
  const size = sizes[sizes.length - 1];
  return { text: truncate(text, capacity(size) - Math.ceil(box.lines * 4)), fontSize: size }; // room lost to wrapping
}

/** Characters used once wrapped at word boundaries, counting the unused tail of each full line. */
function wrappedLength(text: string, perLine: number): number {
  let used = 0;
  let line = 0;
  for (const word of text.split(" ")) {
    const need = line === 0 ? word.length : word.length + 1;
    if (line + need <= perLine) line += need;
    else {
      used += perLine;
      line = Math.min(word.length, perLine);
      used += Math.floor(word.length / perLine) * perLine;
    }
  }
  return used + line;
}

export function truncate(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, Math.max(1, max - 1)).join("");
  const atWord = cut.replace(/\s+\S*$/, "");
  return `${(atWord.length >= cut.length * 0.6 ? atWord : cut).replace(/[\s,;:·–—-]+$/, "")}…`;
}
