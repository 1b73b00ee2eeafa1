import "server-only";
import type pg from "pg";
import SearchableMap from "minisearch/SearchableMap";
import { expansionsOf, mendSearch, termsOf, writtenAs } from "../../search/search";
import type { Names } from "../dataset";
import type { Event } from "../schema";
import type { SearchMatch } from "./sql";

/**
 * The search on PostgreSQL: the memory store's rules (lib/search/search.ts) over the version's word
 * lists, read once per version (distinct words only: they grow with the vocabulary, not with the
 * number of events), and the events found in SQL (sql.ts `searchCondition`, a GIN index on each
 * event's words).
 */

/** A word list's values: how many events have the word (own words), or the places or organizations that do. */
type WordValue = number | string[];

export interface SearchWords {
  own: SearchableMap<WordValue>;
  places: SearchableMap<WordValue>;
  orgs: SearchableMap<WordValue>;
}

type Query = <R extends pg.QueryResultRow>(sql: string, values: unknown[]) => Promise<R[]>;

export async function readSearchWords(query: Query, dataset: string, versionId: string): Promise<SearchWords> {
  const rows = await query<{ list: string; word: string; events: number | null; ids: string[] | null }>(
    "SELECT list, word, events, ids FROM search_words WHERE dataset = $1 AND version = $2 ORDER BY list, seen",
    [dataset, versionId],
  );
  const list = (name: string) =>
    SearchableMap.from<WordValue>(rows.filter((r) => r.list === name).map((r) => [r.word, r.ids ?? r.events ?? 0]));
  return { own: list("own"), places: list("place"), orgs: list("org") };
}

/**
 * The event's own part of its search text (`searchTextOf`: title, Chinese title, summary, people),
 * lower-cased: the trigram index reads it. A text verbatim that has no line break is in one field:
 * in this part, or in its place's or an organization's names.
 */
export function ownTextOf(event: Pick<Event, "title" | "titleZh" | "summary" | "people">): string {
  return [event.title, event.titleZh, event.summary, ...(event.people ?? [])].filter(Boolean).join("\n").toLowerCase();
}

/**
 * What a search stands for: its text verbatim, and per query word the words it stands for in any of
 * the three lists (the same words `expansionsOf` finds in each: whether a word matches depends on
 * the word and the query word only).
 */
export function resolveSearch(words: SearchWords, q: string, names: Names): SearchMatch {
  const needle = q.trim();
  const verbatim = needle.toLowerCase();
  // searchTextOf's fields other than the event's own: names, few, tested here.
  const has = (...texts: (string | undefined)[]) => texts.some((text) => text?.toLowerCase().includes(verbatim));
  return {
    verbatim,
    places: names.places.filter((p) => has(p.name, p.nameZh)).map((p) => p.id),
    orgs: [...names.orgById.values()].filter((o) => has(o.id, o.name, o.nameZh)).map((o) => o.id),
    terms: [...new Set(termsOf(needle))].map((term) => [
      ...new Set([words.own, words.places, words.orgs].flatMap((list) => [...expansionsOf(list, term).keys()])),
    ]),
  };
}

/**
 * `suggestSearch` on the word lists: the mended words written as the data writes them (the names,
 * then the titles and summaries of the first 20 events with the word), if `accepts` finds anything
 * with it.
 */
export async function suggestFrom(
  words: SearchWords,
  q: string,
  names: Names,
  eventTexts: (word: string) => Promise<string[]>,
  accepts: (candidate: string) => Promise<boolean>,
): Promise<string | null> {
  const mended = mendSearch(q, [words.own, words.places, words.orgs], (v) => (Array.isArray(v) ? v.length : v));
  if (!mended) return null;
  const nameTexts = [...names.places.map((p) => p.name), ...[...names.orgById.values()].map((o) => o.name)];
  const written = await Promise.all(
    mended.map(async ({ word, changed }) => (changed ? writtenAs([...nameTexts, ...(await eventTexts(word))], word) : word)),
  );
  const suggestion = written.join(" ");
  return (await accepts(suggestion)) ? suggestion : null;
}
