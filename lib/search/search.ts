import "server-only";
import SearchableMap from "minisearch/SearchableMap";
import type { DatasetIndex, IndexedEvent } from "../data/dataset";
import type { Event, Organization, Place } from "../data/schema";

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
 * with the positions of what contains it. MiniSearch's full document index also ranks results, which
 * a date-ordered list does not need: at 10⁵ synthetic events it took 13.6 s to build and 350 MB more
 * memory, these posting lists about 2 s and 60 MB (figures: scripts/bench-search.ts).
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
  return term
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}

// Typo tolerance grows with the word: short words have too many neighbours ("stem" would match
// "step"), and a Han pair is a word of its own, never bent.
const typos = (term: string) => (HAN.test(term) ? 0 : term.length >= 9 ? 2 : term.length >= 5 ? 1 : 0);

/** Word → ascending positions of what contains it. */
type Postings = SearchableMap<number[]>;

/**
 * The same fields as `IndexedEvent.searchText` (dataset.ts), split by whose they are: place and
 * organization names are indexed once each and reach their events through `placeIndex` and
 * `orgIndexes`, instead of once per event — at 10⁵ events that is two thirds of the words.
 */
interface TextSearch {
  /** Words of each event's own text (titles, summary, people) → positions in `index.events`. */
  own: Postings;
  /** Words of place names (en, zh) → positions in `index.ids.city`. */
  places: Postings;
  /** Words of organization ids and names (en, zh) → positions in `index.ids.org`. */
  orgs: Postings;
  /** The last few answers: one view asks for the same `q` once per facet. */
  recent: Map<string, Set<IndexedEvent>>;
}

const fold = (token: string) => (ASCII.test(token) ? token.toLowerCase() : normalizeTerm(token));
export const wordsIn = (texts: (string | undefined)[]) => texts.flatMap((text) => (text ? tokenize(text).map(fold) : []));

function postings<T>(items: readonly T[], textsOf: (item: T) => (string | undefined)[]): Postings {
  const lists = new Map<string, number[]>();
  items.forEach((item, position) => {
    for (const word of wordsIn(textsOf(item))) {
      const list = lists.get(word);
      if (!list) lists.set(word, [position]);
      else if (list[list.length - 1] !== position) list.push(position);
    }
  });
  return SearchableMap.from(lists);
}

/** Builds the word index now (the store does, right after loading): at 10⁵ events it takes seconds. */
export function prepareSearch(index: DatasetIndex): void {
  textSearch(index);
}

/** The texts whose words the search finds: an event's own, its place's names, its organizations' ids and names. */
export const SEARCHED = {
  own: (e: Pick<Event, "title" | "titleZh" | "summary" | "people">) => [e.title, e.titleZh, e.summary, ...(e.people ?? [])],
  place: (p: Pick<Place, "name" | "nameZh"> | undefined) => [p?.name, p?.nameZh],
  org: (id: string, o: Pick<Organization, "name" | "nameZh"> | undefined) => [id, o?.name, o?.nameZh],
};

// One word index per loaded dataset (so per data version), built by the store after loading or on the first search.
const built = new WeakMap<DatasetIndex, TextSearch>();

function textSearch(index: DatasetIndex): TextSearch {
  let search = built.get(index);
  if (!search) {
    search = {
      own: postings(index.events, SEARCHED.own),
      places: postings(index.ids.city, (id) => SEARCHED.place(index.placeById.get(id))),
      orgs: postings(index.ids.org, (id) => SEARCHED.org(id, index.orgById.get(id))),
      recent: new Map(),
    };
    built.set(index, search);
  }
  return search;
}

/**
 * The words one query word stands for, with what each maps to: itself, longer words it begins, and
 * near misses. Any store's word list (a database's too) is looked up by this one rule.
 */
export function expansionsOf<T>(words: SearchableMap<T>, term: string): Map<string, T> {
  const found = new Map<string, T>();
  const exact = words.get(term);
  if (exact !== undefined) found.set(term, exact);
  if (HAN.test(term) || term.length >= 2) for (const [word, value] of words.atPrefix(term)) found.set(word, value);
  const distance = typos(term);
  if (distance > 0) for (const [word, [value]] of words.fuzzyGet(term, distance)) found.set(word, value);
  return found;
}

/** The postings of the words one query word stands for. */
const expansions = (words: Postings, term: string): number[][] => [...expansionsOf(words, term).values()];

function marks(words: Postings, term: string, size: number): Uint8Array | null {
  const lists = expansions(words, term);
  if (lists.length === 0) return null;
  const marked = new Uint8Array(size);
  for (const list of lists) for (const position of list) marked[position] = 1;
  return marked;
}

/** Marks the events with the query word, in their own text or in their place's or organizations' names. */
function eventsWithWord(search: TextSearch, index: DatasetIndex, term: string): Uint8Array {
  const hits = marks(search.own, term, index.events.length) ?? new Uint8Array(index.events.length);
  const places = marks(search.places, term, index.ids.city.length);
  const orgs = marks(search.orgs, term, index.ids.org.length);
  if (!places && !orgs) return hits;
  const { events } = index;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (places && e.placeIndex >= 0 && places[e.placeIndex]) hits[i] = 1;
    else if (orgs) for (const o of e.orgIndexes) if (o >= 0 && orgs[o]) hits[i] = 1;
  }
  return hits;
}

const RECENT = 8;
/** A search's words as the index holds them (folded; Chinese as character pairs). */
export const termsOf = (q: string) => wordsIn([q]);

/** The events whose text matches `q`: all its words (each allowing a typo or a longer ending), or `q` verbatim. */
export function searchEvents(index: DatasetIndex, q: string): ReadonlySet<IndexedEvent> {
  const needle = q.trim();
  const search = textSearch(index);
  let found = search.recent.get(needle);
  if (found) return found;
  const verbatim = needle.toLowerCase();
  found = new Set(index.events.filter((e) => e.searchText.includes(verbatim)));
  const terms = [...new Set(termsOf(needle))];
  if (terms.length > 0) {
    const hits = eventsWithWord(search, index, terms[0]);
    for (const term of terms.slice(1)) {
      const more = eventsWithWord(search, index, term);
      for (let i = 0; i < hits.length; i++) hits[i] &= more[i];
    }
    hits.forEach((hit, i) => hit && found!.add(index.events[i]));
  }
  if (search.recent.size >= RECENT) search.recent.delete(search.recent.keys().next().value!);
  search.recent.set(needle, found);
  return found;
}

/**
 * Another wording of `q` the data contains, "Shanghai" for "Shanghia", as the data writes it: each
 * word that matches nothing is replaced by the closest, then most frequent, word within one more
 * typo than the search allows. Null when no word can be mended. Chinese is not mended: a character
 * pair has no meaningful near misses. `accepts` says whether a candidate finds anything under the
 * view's other filters.
 */
export function suggestSearch(index: DatasetIndex, q: string, accepts: (candidate: string) => boolean): string | null {
  const search = textSearch(index);
  const mended = mendSearch(q, [search.own, search.places, search.orgs], (list) => list.length);
  if (!mended) return null;
  const suggestion = mended.map(({ word, changed }) => (changed ? asWritten(index, search, word) : word)).join(" ");
  return accepts(suggestion) ? suggestion : null;
}

/**
 * The words of `q` with each that matches nothing replaced by its closest, then most frequent,
 * neighbour (folded, as the word lists hold them), or null when none can be mended. `maps` are a
 * store's word lists in the order ties are settled (own words, places, organizations), each word
 * inserted in the order it was first seen; `frequency` says how often a word occurs.
 */
export function mendSearch<T>(
  q: string,
  maps: readonly SearchableMap<T>[],
  frequency: (value: T) => number,
): { word: string; changed: boolean }[] | null {
  if (HAN.test(q)) return null;
  let mended = false;
  const words = termsOf(q).map((term) => {
    if (term.length < 3 || maps.some((words) => expansionsOf(words, term).size > 0)) return { word: term, changed: false };
    let best: { word: string; distance: number; count: number } | null = null;
    for (const words of maps) {
      for (const [word, [value, distance]] of words.fuzzyGet(term, typos(term) + 1)) {
        const count = frequency(value);
        if (!best || distance < best.distance || (distance === best.distance && count > best.count)) best = { word, distance, count };
      }
    }
    if (!best) return { word: term, changed: false };
    mended = true;
    return { word: best.word, changed: true };
  });
  return mended ? words : null;
}

/** "shanghai" → "Shanghai": a word in the casing of its first occurrence in a name, title or summary. */
function asWritten(index: DatasetIndex, search: TextSearch, word: string): string {
  const texts = [...index.dataset.places.map((p) => p.name), ...index.dataset.organizations.map((o) => o.name)];
  for (const position of (search.own.get(word) ?? []).slice(0, 20))
    texts.push(index.events[position].title, index.events[position].summary);
  return writtenAs(texts, word);
}

/**
 * The word as the first of `texts` that has it writes it: the places' and organizations' names, then
 * the titles and summaries of the first 20 events (date order) with the word.
 */
export function writtenAs(texts: readonly string[], word: string): string {
  for (const text of texts) {
    const written = tokenize(text).find((token) => fold(token) === word);
    if (written) return written;
  }
  return word;
}
