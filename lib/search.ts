import SearchableMap from "minisearch/SearchableMap";
import type { DatasetIndex, IndexedEvent } from "./dataset";

/**
 * The text search behind `q`: words in any order, across separators ("unesco ichei" finds
 * "UNESCO-ICHEI"), forgiving a typo ("Shangai"), in English and Chinese.
 *
 * Chinese has no spaces, so a run of Han characters is indexed as overlapping character pairs
 * (bigrams: 联合国 → 联合, 合国), and a query's pairs must all occur. We chose bigrams over
 * `Intl.Segmenter` word segmentation because a dictionary segmenter cuts the same characters
 * differently depending on what surrounds them (Node's ICU splits 联合国教科文组织 into
 * 联合/国/教科/文/组织 but keeps 上海市 whole), so a short query could miss a title that contains it
 * word for word; pairs are the same wherever they stand, need no dictionary, and keep the index small.
 *
 * A plain substring test runs beside the index, so every query that matched before (a phrase, part
 * of a word, a single Chinese character at the end of a word) still matches.
 *
 * The words live in MiniSearch's radix tree (SearchableMap: prefix and edit-distance look-ups), each
 * with the positions of the events that contain it. MiniSearch's full document index ranks results,
 * which a date-ordered list does not need, and at 10⁵ synthetic events it took 13.6 s to build and
 * 350 MB more memory; these posting lists take about a second and a tenth of that (see
 * scripts/bench-search.ts).
 */

const HAN = /\p{Script=Han}/u;
const ASCII = /^[\x20-\x7e]*$/;
const RUNS = /\p{Script=Han}+|[^\s\p{P}\p{S}\p{Script=Han}]+/gu;

/** Words and Han character pairs, as written (case and accents are folded by `normalizeTerm`). */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const [run] of text.matchAll(RUNS)) {
    if (!HAN.test(run)) {
      tokens.push(run);
      continue;
    }
    const chars = Array.from(run);
    if (chars.length === 1) tokens.push(run);
    for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i] + chars[i + 1]);
  }
  return tokens;
}

/** "Ürümqi" → "urumqi", full-width letters → ASCII. */
export function normalizeTerm(term: string): string {
  return term.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase();
}

// Typo tolerance grows with the word: short words have too many neighbours ("stem" would match
// "step"), and a Han pair is a word of its own, never bent.
const typos = (term: string) => (HAN.test(term) ? 0 : term.length >= 9 ? 2 : term.length >= 5 ? 1 : 0);

interface TextSearch {
  /** Each word (normalized) → the positions in `index.events` of the events containing it, ascending. */
  words: SearchableMap<Uint32Array>;
  /** The last few answers: one view asks for the same `q` once per facet. */
  recent: Map<string, Set<IndexedEvent>>;
}

// One word index per loaded dataset (so per data version), built on the first search.
const built = new WeakMap<DatasetIndex, TextSearch>();

function textSearch(index: DatasetIndex): TextSearch {
  let search = built.get(index);
  if (search) return search;
  const postings = new Map<string, number[]>();
  // The same words recur in every event (place and organization names): each is folded once.
  const folded = new Map<string, string>();
  const fold = (token: string) => {
    if (ASCII.test(token)) return token; // searchText is lower case already
    let word = folded.get(token);
    if (word === undefined) folded.set(token, (word = normalizeTerm(token)));
    return word;
  };
  index.events.forEach((event, position) => {
    for (const word of new Set(tokenize(event.searchText).map(fold))) {
      const list = postings.get(word);
      if (list) list.push(position);
      else postings.set(word, [position]);
    }
  });
  const words = new SearchableMap<Uint32Array>();
  for (const [word, list] of postings) words.set(word, Uint32Array.from(list));
  built.set(index, (search = { words, recent: new Map() }));
  return search;
}

/** The words of the index one query word stands for: itself, longer words it begins, and near misses. */
function expansions(words: SearchableMap<Uint32Array>, term: string): Uint32Array[] {
  const found = new Map<string, Uint32Array>();
  const exact = words.get(term);
  if (exact) found.set(term, exact);
  if (HAN.test(term) || term.length >= 2) for (const [word, list] of words.atPrefix(term)) found.set(word, list);
  const distance = typos(term);
  if (distance > 0) for (const [word, [list]] of words.fuzzyGet(term, distance)) found.set(word, list);
  return [...found.values()];
}

/** Positions of the events containing every query word (each in one of its expansions). */
function allWords(index: DatasetIndex, words: SearchableMap<Uint32Array>, terms: string[]): number[] {
  if (terms.length === 0) return [];
  let hits: Uint8Array | null = null;
  for (const term of new Set(terms)) {
    const here = new Uint8Array(index.events.length);
    for (const list of expansions(words, term)) for (const position of list) here[position] = 1;
    if (!hits) hits = here;
    else for (let i = 0; i < hits.length; i++) hits[i] &= here[i];
  }
  const positions: number[] = [];
  hits!.forEach((hit, i) => hit && positions.push(i));
  return positions;
}

const RECENT = 8;
const termsOf = (q: string) => tokenize(normalizeTerm(q));

/** The events whose text matches `q`: all its words (each allowing a typo or a longer ending), or `q` verbatim. */
export function searchEvents(index: DatasetIndex, q: string): ReadonlySet<IndexedEvent> {
  const needle = q.trim();
  const search = textSearch(index);
  let found = search.recent.get(needle);
  if (found) return found;
  const verbatim = needle.toLowerCase();
  found = new Set(index.events.filter((e) => e.searchText.includes(verbatim)));
  for (const position of allWords(index, search.words, termsOf(needle))) found.add(index.events[position]);
  if (search.recent.size >= RECENT) search.recent.delete(search.recent.keys().next().value!);
  search.recent.set(needle, found);
  return found;
}

/**
 * Another wording of `q` the data contains, "Shanghai" for "Shanghia", as the data writes it: each
 * word that matches nothing is replaced by the most frequent word within one more typo than the
 * search allows. Null when no word can be mended. Chinese is not mended: a character pair has no
 * meaningful near misses. `accepts` says whether a candidate finds anything under the view's other filters.
 */
export function suggestSearch(index: DatasetIndex, q: string, accepts: (candidate: string) => boolean): string | null {
  if (HAN.test(q)) return null;
  const { words } = textSearch(index);
  const terms = termsOf(q);
  let mended = false;
  const candidate = terms.map((term) => {
    if (expansions(words, term).length > 0 || term.length < 3) return term;
    let best: { word: string; distance: number; count: number } | null = null;
    for (const [word, [list, distance]] of words.fuzzyGet(term, typos(term) + 1)) {
      if (!best || distance < best.distance || (distance === best.distance && list.length > best.count)) best = { word, distance, count: list.length };
    }
    if (!best) return term;
    mended = true;
    return asWritten(index, best.word);
  });
  if (!mended) return null;
  const suggestion = candidate.join(" ");
  return accepts(suggestion) ? suggestion : null;
}

/** "shanghai" → "Shanghai": a word in the casing of its first occurrence in a title, place name or summary. */
function asWritten(index: DatasetIndex, word: string): string {
  const list = textSearch(index).words.get(word) ?? new Uint32Array(0);
  for (const position of list.subarray(0, 20)) {
    const e = index.events[position];
    const text = `${e.title} ${e.place ? index.placeById.get(e.place)?.name : ""} ${e.summary}`;
    const written = tokenize(text).find((token) => normalizeTerm(token) === word);
    if (written) return written;
  }
  return word;
}
