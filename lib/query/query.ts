import { createParser, createSerializer, parseAsStringLiteral, type inferParserType } from "nuqs/server";
import { LANGS } from "../i18n/lang";
import { isPartialDate } from "../core/time-window";
import type { YearSpan } from "./years-in-search";
import { PACE_LIMITS, PLAY_STEPS } from "../playback/settings";

/**
 * The URL contract, declared once. The page, the client hooks, the share and export links and the
 * API all read and write the view through these parsers.
 */
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const COUNTRY = /^[a-z]{2}$/;
export const MAX_Q_LENGTH = 200;

export interface MapView {
  lat: number;
  lon: number;
  zoom: number;
}

const partialDate = createParser<string>({
  parse: (v) => (isPartialDate(v.trim()) ? v.trim() : null),
  serialize: (v) => v,
});

export function splitList(v: string): string[] {
  return [
    ...new Set(
      v
        .split(",")
        .map((item) => item.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}

const listOf = (item: RegExp) =>
  createParser<string[]>({
    parse: (v) => {
      const items = splitList(v).filter((s) => item.test(s));
      return items.length > 0 ? items : null;
    },
    serialize: (items) => items.join(","),
    eq: (a, b) => a.length === b.length && a.every((x, i) => x === b[i]),
  }).withDefault([]);

/** A switch the URL writes as `=1` and leaves out when off; any other value is no form it knows. */
const flag = createParser<boolean>({ parse: (v) => (v.trim() === "1" ? true : null), serialize: () => "1" }).withDefault(false);

const slug = createParser<string>({ parse: (v) => (SLUG.test(v.trim()) ? v.trim() : null), serialize: (v) => v });

/** Playback's ms per frame: a whole number within the player's limits; absent, the pace follows the frame count. */
const pace = createParser<number>({
  parse: (v) => {
    const n = Number(v.trim());
    return Number.isInteger(n) && n >= PACE_LIMITS.min && n <= PACE_LIMITS.max ? n : null;
  },
  serialize: (n) => String(n),
});

export const TIMELINE_GROUPINGS = ["category", "organization", "none"] as const;
export type TimelineGrouping = (typeof TIMELINE_GROUPINGS)[number];

/** The URL's precision for a viewport: ~10 m and a tenth of a zoom step, so a pan writes a short, stable `map=`. */
const MAP_DIGITS = { degrees: 4, zoom: 1 };
const round = (n: number, digits: number) => Number(n.toFixed(digits));

/** A viewport as the URL holds it: the one rounding every writer of `map=` (live map, still preview) uses. */
export function toMapView(lat: number, lon: number, zoom: number): MapView {
  return { lat: round(lat, MAP_DIGITS.degrees), lon: round(lon, MAP_DIGITS.degrees), zoom: round(zoom, MAP_DIGITS.zoom) };
}

/** Zooms closer than this are the same `map=`: a map showing one of them shows the URL's viewport. */
export const MAP_ZOOM_TOLERANCE = 0.5 * 10 ** -MAP_DIGITS.zoom;

const mapView = createParser<MapView>({
  parse: (v) => {
    const parts = v.split(",");
    if (parts.length !== 3 || parts.some((p) => p.trim() === "")) return null;
    const [lat, lon, zoom] = parts.map(Number);
    const ok = Math.abs(lat) <= 90 && Math.abs(lon) <= 180 && zoom >= 0 && zoom <= 18;
    return ok ? toMapView(lat, lon, zoom) : null;
  },
  serialize: (m) => {
    const { lat, lon, zoom } = toMapView(m.lat, m.lon, m.zoom);
    return `${lat},${lon},${zoom}`;
  },
  eq: (a, b) => a.lat === b.lat && a.lon === b.lon && a.zoom === b.zoom,
});

export const EMBED_PARTS = ["map", "timeline", "list"] as const;
export type EmbedPart = (typeof EMBED_PARTS)[number];
export const EMBED_THEMES = ["auto", "light", "dark"] as const;
export type EmbedTheme = (typeof EMBED_THEMES)[number];

/** `ui=map,list`: the parts an embed shows, always in the page's order, so one choice has one spelling. */
const embedParts = createParser<EmbedPart[]>({
  parse: (v) => {
    const items = splitList(v);
    const parts = EMBED_PARTS.filter((part) => items.includes(part));
    return parts.length > 0 ? parts : null;
  },
  serialize: (parts) => parts.join(","),
  eq: (a, b) => a.length === b.length && a.every((x, i) => x === b[i]),
}).withDefault([...EMBED_PARTS]);

/**
 * What depends on the URL, each named once: a scope lists the parameters one answer is a function
 * of, so its cache key, its link and its API request carry those and no others.
 * - `view`: the page the server computes (the viewport changes nothing there: it stays in the browser);
 * - `preview`: the link-preview image — the matches and their words, not what is open or how rows group;
 * - `list`: the event list's further pages (`/api/rows`);
 * - `export`: the downloads (`/api/events`) and their file names;
 * - `scrub`: the scrub index (`/api/scrub`) — every filter but time, and no words (one file for both languages);
 * - `fit`: the timeline fits again when one of these changes (time is what it shows, not what it fits to);
 * - `page`: the dashboard's own link to the view: every parameter but the embed's own (those whose only scope is "embed");
 * - `embed`: the embeddable view (`/embed`): every parameter.
 * A link to the view carries every parameter without naming them, so a parameter added later is in both.
 */
export const SCOPES = ["view", "preview", "list", "export", "scrub", "fit", "page", "embed"] as const;
export type Scope = (typeof SCOPES)[number];

const TIME: Scope[] = ["view", "preview", "list", "export"];
const FILTER: Scope[] = [...TIME, "scrub", "fit"];

const parameters = {
  from: { parser: partialDate, scopes: TIME },
  to: { parser: partialDate, scopes: TIME },
  city: { parser: listOf(SLUG), scopes: FILTER },
  country: { parser: listOf(COUNTRY), scopes: FILTER },
  category: { parser: listOf(SLUG), scopes: FILTER },
  org: { parser: listOf(SLUG), scopes: FILTER },
  /** Only the events without a mapped place (online, or no place stated): the map's note lists them. */
  unmapped: { parser: flag, scopes: FILTER },
  q: {
    parser: createParser<string>({ parse: (v) => v.trim().slice(0, MAX_Q_LENGTH) || null, serialize: (v) => v }).withDefault(""),
    scopes: FILTER,
  },
  event: { parser: slug, scopes: ["view"] },
  map: { parser: mapView, scopes: [] },
  /** How the timeline groups its rows; part of the view, so a shared link draws the same rows. */
  rows: { parser: parseAsStringLiteral(TIMELINE_GROUPINGS).withDefault("category"), scopes: ["view", "fit"] },
  /** The interface language: part of the view, so a link opens in the language it was copied in. */
  lang: { parser: parseAsStringLiteral(LANGS).withDefault("en"), scopes: ["view", "preview", "list", "export", "fit"] },
  /**
   * Playback (lib/playback): the step the player moves by, shown paused on the URL's own from/to (the
   * frame); `grow` grows the window from the first period instead of sliding it; `pace` in ms per
   * frame. None changes what the server computes: the frame is the ordinary from/to.
   */
  play: { parser: parseAsStringLiteral(PLAY_STEPS), scopes: [] },
  grow: { parser: flag, scopes: [] },
  pace: { parser: pace, scopes: [] },
  /** A guided tour's step, by ids (never positions, so inserting a step breaks no link): its panel shows with the view. */
  tour: { parser: slug, scopes: [] },
  step: { parser: slug, scopes: [] },
  /** `/embed` only (its scope is "embed" alone): which parts the frame shows (all three, left out, by default). */
  ui: { parser: embedParts, scopes: ["embed"] },
  /** `/embed` only: light, dark, or the reader's setting (`auto`, left out). */
  theme: { parser: parseAsStringLiteral(EMBED_THEMES).withDefault("auto"), scopes: ["embed"] },
  /**
   * `/embed` only: start playing as the frame opens (never on the dashboard, nor for a reader who asks
   * for reduced motion). Dropped from the URL once playback starts, so the paused frame reloads paused.
   */
  autoplay: { parser: flag, scopes: ["embed"] },
} satisfies Record<string, { parser: unknown; scopes: Scope[] }>;

type Parsers = { [K in keyof typeof parameters]: (typeof parameters)[K]["parser"] };
const entries = Object.entries(parameters) as [keyof Parsers, (typeof parameters)[keyof Parsers]][];

export const queryParsers = Object.fromEntries(entries.map(([key, p]) => [key, p.parser])) as Parsers;

function inScope(scopes: readonly Scope[], scope: Scope): boolean {
  if (scope === "embed") return true;
  if (scope === "page") return !(scopes.length === 1 && scopes[0] === "embed");
  return scopes.includes(scope);
}

/** The parsers of the parameters `scope` depends on, in the URL's order: a serializer of these writes nothing else. */
export function parsersIn(scope: Scope): Partial<Parsers> {
  return Object.fromEntries(entries.filter(([, p]) => inScope(p.scopes, scope)).map(([key, p]) => [key, p.parser]));
}

export type Query = inferParserType<typeof queryParsers>;
export type QueryKey = keyof Query;
export type ListKey = "city" | "country" | "category" | "org";
export const LIST_KEYS: ListKey[] = ["city", "country", "category", "org"];
export const QUERY_KEYS = Object.keys(queryParsers) as QueryKey[];

/** The patch that clears every filter but keeps the selection and the map viewport. */
export const NO_FILTERS = {
  from: null,
  to: null,
  city: [],
  country: [],
  category: [],
  org: [],
  unmapped: false,
  q: "",
} satisfies Partial<Query>;

export const EMPTY_QUERY: Query = {
  ...NO_FILTERS,
  event: null,
  map: null,
  rows: "category",
  lang: "en",
  play: null,
  grow: false,
  pace: null,
  tour: null,
  step: null,
  ui: [...EMBED_PARTS],
  theme: "auto",
  autoplay: false,
};

/** The patch that leaves a tour (its panel closes; the view stays). */
export const NO_TOUR = { tour: null, step: null } satisfies Partial<Query>;

/** `?city=shanghai&from=2023` — defaults are left out. */
export const serializeQuery = createSerializer(queryParsers);

const scopeSerializers = Object.fromEntries(SCOPES.map((scope) => [scope, createSerializer(parsersIn(scope))])) as Record<
  Scope,
  typeof serializeQuery
>;

/** The query string of what `scope` depends on (`?city=shanghai&lang=zh`, or ""): its cache key and its link's search. */
export function searchFor(scope: Scope, query: Query): string {
  return scopeSerializers[scope](query);
}

/**
 * The ids the dataset knows, so unknown values can be reported (API) or dropped (page), and the
 * years its events touch, which a year written in `q` is kept within.
 */
export type Vocabulary = Record<ListKey, ReadonlySet<string>> & {
  /**
   * The event ids a URL may name; absent, `event` is not checked here. A store does not hold every
   * id (there may be millions): a URL's event is looked up in the store (`parseQueryIn`, lib/data/store.ts).
   */
  event?: ReadonlySet<string>;
  years?: YearSpan | null;
  /** Each tour's step ids, when the caller knows the tours (the page): an unknown one is reported. */
  tours?: ReadonlyMap<string, readonly string[]>;
};

/** Whether two values of `key` are the same to the URL (lists and viewports compare by content). */
export function sameValue<K extends QueryKey>(key: K, a: Query[K] | null | undefined, b: Query[K] | null | undefined): boolean {
  if (a === b) return true;
  if (a == null || b == null) return false;
  const eq = queryParsers[key].eq as (x: Query[K], y: Query[K]) => boolean;
  return eq(a, b);
}

/**
 * What a click writes besides its own change: each ignored value the URL still holds as the page
 * found it goes back to what the page read instead. A value changed since (a click the server has not
 * answered yet) is the reader's, and stays.
 */
export function cleared(latest: Query, ignored: Partial<Query>, query: Query): Partial<Query> {
  const patch: Partial<Record<QueryKey, unknown>> = {};
  for (const key of Object.keys(ignored) as QueryKey[]) {
    if (sameValue(key, latest[key], ignored[key])) patch[key] = query[key];
  }
  return patch as Partial<Query>;
}

export function isFiltered(query: Query): boolean {
  return Boolean(query.from || query.to || query.q || query.unmapped || LIST_KEYS.some((key) => query[key].length > 0));
}

/** The filters by what they test: each list parameter, the time window (`from`/`to`), the search, the unmapped switch. */
export type FilterKey = ListKey | "time" | "q" | "unmapped";

/** The patch that removes one filter whole (a chip removes one value of a list instead). */
export function withoutFilter(key: FilterKey): Partial<Query> {
  if (key === "time") return { from: null, to: null };
  if (key === "q") return { q: "" };
  if (key === "unmapped") return { unmapped: false };
  return { [key]: [] };
}
