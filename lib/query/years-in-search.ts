/**
 * A year or a range of years written in a search ("Shanghai 2025", "上海 2023–2025", "2019-2021
 * forum", "2024年") is a time window, not words to find: the search box in the page and the server's
 * reading of `q` (parseQuery, so the page and the API alike) both split it off here.
 *
 * The rules, in one place:
 * - one year or one range only: a search with two separate years is left as words;
 * - a year is four digits standing alone: not part of a longer number or word ("ICHEI2016"), not a
 *   date's first field ("2019-06"); "年" may follow it, Chinese characters may touch it ("上海2025年");
 * - a range is two years joined by a dash, "~", "至", "到" or "to", in either order;
 * - whole years, kept within the data's years; a year or range wholly outside them stays words
 *   ("Education 2030"), as it cannot be a window on this data.
 */

/** The first and last years the dataset's events touch. */
export interface YearSpan {
  first: number;
  last: number;
}

export interface YearsInSearch {
  /** The search without its years (and without an "in" or "during" that led to them). */
  text: string;
  from: string;
  to: string;
}

const YEAR = String.raw`(\d{4})\s*年?`;
const JOIN = String.raw`\s*(?:[-‐‑‒–—―~～至到]|\bto\b)\s*`;
// Not touching a letter or digit, nor joined to one by a date's separator ("2019-06", "06/2019").
const BEFORE = String.raw`(?<![0-9A-Za-z][-./:]?)`;
const AFTER = String.raw`(?![-./:]?[0-9A-Za-z])`;
const EXPRESSION = new RegExp(`${BEFORE}(?:\\b(?:in|during)\\s+)?${YEAR}(?:${JOIN}${YEAR})?${AFTER}`, "gi");

/**
 * The search's words and the window its years name, or null when it names none (no year, two
 * separate years, or years wholly outside `data`). Without `data` any year is taken as written.
 */
export function yearsInSearch(search: string, data?: YearSpan | null): YearsInSearch | null {
  const found = [...search.matchAll(EXPRESSION)];
  if (found.length !== 1) return null;
  const [match, a, b = a] = found[0];
  let [first, last] = [Number(a), Number(b)].sort((x, y) => x - y);
  if (data) {
    if (last < data.first || first > data.last) return null;
    first = Math.max(first, data.first);
    last = Math.min(last, data.last);
  }
  const at = found[0].index;
  const text = `${search.slice(0, at)} ${search.slice(at + match.length)}`
    .replace(/\s+/g, " ")
    .replace(/^[\s,;:，、；：]+|[\s,;:，、；：]+$/g, ""); // "Shanghai, 2025" searches "Shanghai"
  // What is left may be only punctuation ("2025."): that is no words to search for.
  return { text: /[\p{L}\p{N}]/u.test(text) ? text : "", from: String(first), to: String(last) };
}

/**
 * What a search writes to the URL: its words, and the window its years name — or, when it names
 * none, `otherwise` (the window the reader had before this search began), so deleting a typed year
 * gives the earlier window back.
 */
export function searchPatch(
  search: string,
  otherwise: { from: string | null; to: string | null },
  data?: YearSpan | null,
): { q: string; from: string | null; to: string | null } {
  const years = yearsInSearch(search, data);
  return years ? { q: years.text, from: years.from, to: years.to } : { q: search.trim(), ...otherwise };
}

/**
 * Whether a search box's text already says the URL's search: its words, and its years' window when
 * it names one. The box keeps the reader's "Shanghai 2025" while the URL says q=Shanghai in 2025,
 * and shows the URL's words once the window changes elsewhere (a chip removed, Back).
 */
export function searchSays(search: string, query: { q: string; from: string | null; to: string | null }, data?: YearSpan | null): boolean {
  const years = yearsInSearch(search, data);
  if (!years) return search.trim() === query.q;
  return years.text === query.q && years.from === query.from && years.to === query.to;
}
