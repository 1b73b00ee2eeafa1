import { LANGS } from "../i18n/lang";
import { periodEnd, periodStart } from "../core/time-window";
import { PACE_LIMITS, PLAY_STEPS } from "../playback/settings";
import { yearsInSearch } from "./years-in-search";
import {
  EMBED_PARTS,
  EMBED_THEMES,
  EMPTY_QUERY,
  LIST_KEYS,
  MAX_Q_LENGTH,
  QUERY_KEYS,
  queryParsers,
  serializeQuery,
  splitList,
  TIMELINE_GROUPINGS,
  type ListKey,
  type Query,
  type QueryKey,
  type Vocabulary,
} from "./query";

/*
 * Reading a URL someone wrote (the page, the API, a link back, a host page's request to an embed):
 * the declared parsers (query.ts) applied one parameter at a time, with every value set aside
 * reported and why. Apart from query.ts because the dashboard's own scripts only ever write URLs:
 * this stays out of every reader's first download.
 */

export interface QueryIssue {
  param: QueryKey;
  value: string;
  /** In English, for the API's 400 answer. */
  message: string;
  /**
   * What the page did with the value, so it can tell the reader (lib/view/url-notices.ts): "dropped" a
   * value of the wrong form ("malformed") or an id the dataset lacks ("unknown"), or "swapped" a
   * window written end first. The API answers 400 to any issue.
   */
  reason: "malformed" | "unknown" | "swapped";
  accepted?: string[];
}

const FORMS: Record<QueryKey, string> = {
  from: "YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date)",
  to: "YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date)",
  city: "comma-separated place ids",
  country: "comma-separated lowercase ISO 3166-1 alpha-2 codes",
  category: "comma-separated category ids",
  org: "comma-separated organization ids",
  unmapped: "1 (only the events without a mapped place)",
  q: `text of at most ${MAX_Q_LENGTH} characters`,
  event: "an event id",
  map: "lat,lon,zoom (lat −90…90, lon −180…180, zoom 0…18)",
  rows: TIMELINE_GROUPINGS.join(", "),
  lang: LANGS.join(", "),
  play: `${PLAY_STEPS.join(", ")} (a year, a quarter, a month)`,
  grow: "1 (playback grows from the first period)",
  pace: `milliseconds per frame, a whole number from ${PACE_LIMITS.min} to ${PACE_LIMITS.max}`,
  tour: "a tour id",
  step: "a step id of the tour",
  ui: `comma-separated parts of ${EMBED_PARTS.join(", ")}`,
  theme: EMBED_THEMES.join(", "),
  autoplay: "1 (an embed starts playing as it opens)",
};

export type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

/** A parameter's value as parseQuery reads it: every value given, comma-joined. */
export function rawValue(input: RawParams, key: string): string | undefined {
  const values = input instanceof URLSearchParams ? input.getAll(key) : [input[key] ?? []].flat();
  return values.length > 0 ? values.join(",") : undefined;
}

/**
 * Reads the URL contract's parameters. Invalid values (bad form, or ids the vocabulary lacks) are
 * dropped from the query and reported in `issues`: the page ignores them, the API answers 400.
 */
export function parseQuery(input: RawParams, vocabulary?: Vocabulary): { query: Query; issues: QueryIssue[] } {
  const query: Query = { ...EMPTY_QUERY };
  const issues: QueryIssue[] = [];
  for (const key of QUERY_KEYS) {
    const raw = rawValue(input, key);
    if (raw === undefined) continue;
    const parsed = queryParsers[key].parse(raw);
    if (LIST_KEYS.includes(key as ListKey)) {
      const listKey = key as ListKey;
      const known = vocabulary?.[listKey];
      const items = splitList(raw);
      const kept = ((parsed as string[] | null) ?? []).filter((id) => !known || known.has(id));
      const rejected = items.filter((id) => !kept.includes(id));
      if (rejected.length > 0) {
        issues.push({
          param: key,
          value: rejected.join(","),
          reason: known ? "unknown" : "malformed",
          message: `unknown or malformed ${key} value(s): ${rejected.join(", ")}; expected ${FORMS[key]}`,
          accepted: known ? [...known].sort() : undefined,
        });
      }
      query[listKey] = kept;
      continue;
    }
    if (parsed === null) {
      if (raw.trim() !== "")
        issues.push({ param: key, value: raw, reason: "malformed", message: `invalid ${key}; expected ${FORMS[key]}` });
      continue;
    }
    if (key === "ui") {
      // `ui=map,maps` shows the map and says that "maps" was set aside, as a list of ids does.
      const rejected = splitList(raw).filter((item) => !(parsed as string[]).includes(item));
      if (rejected.length > 0)
        issues.push({
          param: key,
          value: rejected.join(","),
          reason: "malformed",
          message: `unknown ui part(s): ${rejected.join(", ")}; expected ${FORMS.ui}`,
          accepted: [...EMBED_PARTS],
        });
    }
    if (key === "event" && vocabulary?.event && !vocabulary.event.has(parsed as string)) {
      issues.push({ param: key, value: raw, reason: "unknown", message: `no event has the id "${raw}"` });
      continue;
    }
    (query as Record<QueryKey, unknown>)[key] = parsed;
  }
  issues.push(...tourIssues(query, vocabulary?.tours));
  // A window written end first is read the right way round (and the page says so): dropping either
  // end would show a window nobody asked for.
  if (query.from && query.to && periodStart(query.from) > periodEnd(query.to)) {
    issues.push({ param: "to", value: query.to, reason: "swapped", message: `to (${query.to}) is before from (${query.from})` });
    [query.from, query.to] = [query.to, query.from];
  }
  // "Shanghai 2025" searches "Shanghai" in 2025 (years-in-search.ts). A window the URL gives
  // explicitly wins: the search is then read as written, year and all.
  const years = !query.from && !query.to && query.q ? yearsInSearch(query.q, vocabulary?.years) : null;
  if (years) Object.assign(query, { q: years.text, from: years.from, to: years.to });
  return { query, issues };
}

/**
 * A tour and step the tours do not have are dropped and reported; a step needs its tour. A tour
 * without a step (or whose step was dropped) opens at its first step (the page's to decide).
 */
function tourIssues(query: Query, tours: Vocabulary["tours"]): QueryIssue[] {
  const issues: QueryIssue[] = [];
  const drop = (param: "tour" | "step", reason: QueryIssue["reason"], message: string) => {
    issues.push({ param, value: query[param]!, reason, message });
    query[param] = null;
  };
  if (query.tour && tours && !tours.has(query.tour)) {
    drop("tour", "unknown", `no tour has the id "${query.tour}"`);
    query.step = null; // said once: the tour's notice covers its step
  }
  if (query.step && !query.tour) drop("step", "malformed", "a step needs its tour (tour=<id>&step=<id>)");
  else if (query.step && query.tour && tours && !tours.get(query.tour)!.includes(query.step))
    drop("step", "unknown", `the tour "${query.tour}" has no step "${query.step}"`);
  return issues;
}

/**
 * The URL's values the page did not take as written (an unknown id, a window written end first, a
 * value of no known form, a repeated or oddly spelled parameter), as the browser's parsers read them:
 * the URL still holds them after the page has set them aside, and a click must not carry them on.
 */
export function ignoredValues(input: RawParams, query: Query): Partial<Query> {
  const ignored: Partial<Record<QueryKey, unknown>> = {};
  for (const key of QUERY_KEYS) {
    const values = input instanceof URLSearchParams ? input.getAll(key) : [input[key] ?? []].flat();
    const written = new URLSearchParams(serializeQuery({ [key]: query[key] })).getAll(key);
    if (values.length === written.length && values.every((v, i) => v === written[i])) continue;
    // What nuqs holds for the URL: its first value, parsed, or the parameter's default. A value the
    // page read that the URL lacks (the window of "q=Shanghai 2025") is the default there.
    const parser = queryParsers[key];
    const fallback = "defaultValue" in parser ? parser.defaultValue : null;
    ignored[key] = values.length > 0 ? (parser.parse(values[0]) ?? fallback) : fallback;
  }
  return ignored as Partial<Query>;
}

/** Drops values the vocabulary does not know: used where a query came from somewhere other than parseQuery (client hooks). */
export function sanitizeQuery(query: Query, vocabulary: Vocabulary): Query {
  return parseQuery(new URLSearchParams(serializeQuery(query)), vocabulary).query;
}
