import "server-only";
import { LRUCache } from "lru-cache";
import { LIST_PAGE } from "../timeline/live-view";
import { eventDetail, outsideView, stepsOf, type DetailSteps, type EventDetailModel, type OutsideView } from "./detail";
import { countryName, describeWindow, sentenceParts } from "./describe";
import type { Facet } from "../search/facets";
import { markTourPins, pinLabel, tourPlaces, unmappedLabel, type MapPoint, type TourStop } from "../map/map-points";
import { translator } from "../i18n/translator";
import { uiText } from "../i18n/ui";
import { nameById } from "../i18n/lang";
import type { UiText } from "../i18n/ui-text";
import { scrubHref } from "../query/endpoints";
import { isFiltered, LIST_KEYS, searchFor, type FilterKey, type ListKey, type Query } from "../query/query";
import type { EventRow } from "./rows";
import { summaryOf, type SentenceParts, type Summary } from "../i18n/sentence";
import type { RowCursor, StoreSnapshot } from "../data/store";
import type { TimelineModel } from "./timeline-model";
import type { Place } from "../data/schema";
import type { TimeWindow } from "../core/time-window";
import type { YearSpan } from "../query/years-in-search";

export { LIST_PAGE };

/**
 * Everything the dashboard shows for one URL, computed on the server: only this crosses to the
 * browser, never the dataset. Its size depends on the view, not on how many events there are.
 */
export interface DashboardView {
  total: number;
  matched: number;
  sentence: SentenceParts;
  /** The summary line as the URL's view reads: written here, so the page needs no number formatting to start. */
  summary: Summary;
  list: EventRow[];
  /** Where the list's next page starts (the store's keyset cursor), or null when the first page is all. */
  listNext: RowCursor | null;
  facets: Facet[];
  years: { year: string; count: number; active: boolean }[];
  pins: MapPoint[];
  unmapped: number;
  /** "25 events without a mapped place", written here like the pins' names; null when there are none. */
  unmappedNote: string | null;
  timeline: TimelineModel;
  /**
   * The open event, with its neighbours among the matches for Previous/Next, and, when the view's
   * filters leave it out, which do and the way to show it (`outside`).
   */
  selected: (EventDetailModel & { steps: DetailSteps; outside: OutsideView | null }) | null;
  /** The dataset's places, in the order the scrub index numbers them: live pins need their coordinates. */
  places: readonly Place[];
  /** Columns for live scrubbing (see scrub-index.ts): versioned, so the browser may cache them for good. */
  scrubIndexUrl: string;
  /** The active filter values, named, for the chips that remove them one by one. */
  chips: FilterChip[];
  /** The interface's strings in the view's language (the browser gets no catalogue). */
  text: UiText;
  /** When a search finds nothing: a close wording that finds something under the same filters. */
  suggestion: SearchSuggestion | null;
  /** The years the data's events touch: the search box keeps a typed year within them, as the server does. */
  dataYears: YearSpan | null;
}

/**
 * The part of the view the browser's components read. Chips, facets and the detail's body are
 * rendered on the server (app/page.tsx), so their data stays there: the page carries their markup once,
 * not their data a second time.
 */
export interface BrowserView extends Omit<DashboardView, "chips" | "facets" | "years" | "selected"> {
  selected: (Pick<EventDetailModel, "id" | "title" | "placeId"> & { steps: DetailSteps }) | null;
  /** The open tour step's events on the map (`withTourStops`): live pins are ringed from them too. */
  tourStops?: readonly TourStop[];
}

export function browserView(view: DashboardView): BrowserView {
  const rest: Partial<DashboardView> = { ...view };
  for (const serverOnly of ["chips", "facets", "years", "selected"] as const) delete rest[serverOnly];
  const { selected } = view;
  return {
    ...(rest as Omit<DashboardView, "chips" | "facets" | "years" | "selected">),
    selected: selected && { id: selected.id, title: selected.title, placeId: selected.placeId, steps: selected.steps },
  };
}

/**
 * The view with the open tour step's pins ringed and named so. Added per request, after the cache:
 * a cached view is the same for every tour that shows it.
 */
export function withTourStops(view: BrowserView, stops: readonly TourStop[], window: TimeWindow): BrowserView {
  if (stops.length === 0) return view;
  return { ...view, tourStops: stops, pins: markTourPins(view.pins, tourPlaces(stops, window), view.text) };
}

/** "Did you mean <a>Shanghai</a>?": the link's text is `q`, the sentence around it `before` and `after`. */
export interface SearchSuggestion {
  q: string;
  before: string;
  after: string;
}

// Views are pure functions of data version and query: the same link opened again (or by many
// people at once) is computed once. ~200 views of at most ~150 KB each.
// The promise is kept, so that requests for a view being built wait for it rather than build it again.
const views = new LRUCache<string, Promise<DashboardView>>({ max: 200 });

export function computeView(snapshot: StoreSnapshot, query: Query): Promise<DashboardView> {
  const key = `${snapshot.version}${searchFor("view", query)}`;
  let view = views.get(key);
  if (!view) {
    views.set(key, (view = buildView(snapshot, query)));
    // A failed build (the store unreachable) is not kept: the next request asks again.
    view.catch(() => views.delete(key));
  }
  return view;
}

async function buildView(snapshot: StoreSnapshot, query: Query): Promise<DashboardView> {
  const { names, total } = snapshot;
  const { lang } = query;
  const text = uiText(lang);
  const [matched, list, { facets, years }, { points, unmapped }, timeline, selected] = await Promise.all([
    snapshot.count(query),
    snapshot.rows(query, { lang, limit: LIST_PAGE }),
    snapshot.facets(query),
    snapshot.pins(query),
    snapshot.timeline(query),
    selectedDetail(snapshot, query),
  ]);
  const sentence = sentenceParts(query, names);
  return {
    total,
    matched,
    sentence,
    summary: summaryOf(total, matched, isFiltered(query), sentence, text.counts),
    list: list.rows,
    listNext: list.next,
    facets,
    years,
    pins: points.map((p) => ({ ...p, label: pinLabel(p, text) })),
    unmapped,
    unmappedNote: unmapped > 0 ? unmappedLabel(unmapped, text) : null,
    timeline,
    selected,
    places: names.places,
    scrubIndexUrl: scrubHref(query, { v: snapshot.version }),
    chips: filterChips(query, snapshot),
    text,
    suggestion: matched === 0 ? await suggestion(snapshot, query) : null,
    dataYears: snapshot.vocabulary.years ?? null,
  };
}

async function selectedDetail(snapshot: StoreSnapshot, query: Query): Promise<DashboardView["selected"]> {
  const selected = query.event ? await snapshot.event(query.event) : null;
  if (!selected) return null;
  const around = await snapshot.neighbours(query, selected.id);
  const steps = stepsOf(around, around.matched, query.lang);
  const outside = around.position !== null ? null : outsideView(around.excluding, query.lang);
  return { ...eventDetail(selected, snapshot.names, query.lang), steps, outside };
}

async function suggestion(snapshot: StoreSnapshot, query: Query): Promise<SearchSuggestion | null> {
  const q = await snapshot.suggest(query);
  if (!q) return null;
  // The sentence is split around a marker no translation contains, so the link sits where the language puts it.
  const [before, after = ""] = translator(query.lang)("list.didYouMean", { suggestion: "\u0000" }).split("\u0000");
  return { q, before, after };
}

export interface FilterChip {
  key: FilterKey;
  /** The value within a list parameter. */
  id?: string;
  /** "Place", "Time", "Search" */
  kind: string;
  /** "Shanghai", "2023–2025", "“STEM”" */
  value: string;
}

function filterChips(query: Query, { names: index }: StoreSnapshot): FilterChip[] {
  const { lang } = query;
  const t = translator(lang);
  const nameOf: Record<ListKey, (id: string) => string> = {
    city: (id) => nameById(lang, index.placeById, id),
    country: (code) => countryName(code, lang),
    category: (id) => nameById(lang, index.categoryById, id),
    org: (id) => nameById(lang, index.orgById, id),
  };
  const chips: FilterChip[] = [];
  const window = describeWindow(query.from, query.to, lang);
  if (window) chips.push({ key: "time", kind: t("chips.time"), value: window });
  for (const key of LIST_KEYS) for (const id of query[key]) chips.push({ key, id, kind: t(`chips.${key}`), value: nameOf[key](id) });
  if (query.unmapped) chips.push({ key: "unmapped", kind: t("chips.city"), value: t("chips.unmapped") });
  if (query.q) chips.push({ key: "q", kind: t("chips.q"), value: t("chips.quoted", { q: query.q }) });
  return chips;
}
