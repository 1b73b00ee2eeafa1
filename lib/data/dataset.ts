import "server-only";
import type { Category, Event, Organization, Place, SourceDocument } from "./schema";
import { byDate } from "../core/date-order";
import { periodEnd, periodStart } from "../core/time-window";

/** The four validated files, as they travel from the loader to server and client code. */
export interface Dataset {
  events: Event[];
  places: Place[];
  organizations: Organization[];
  categories: Category[];
  /** From `sources.json`, when the folder has one: what each cited document is (not its text). */
  sources?: SourceDocument[];
}

/**
 * An event as every store hands it out (one by id, or in the export stream): the record with its
 * time span in milliseconds (inclusive, UTC), which date order and the list rows read.
 */
export interface StoredEvent extends Event {
  startMs: number;
  endMs: number;
}

/**
 * The dataset's small reference tables (places, organizations, categories, documents), which every
 * store holds whole: names for chips, sentences, rows and exports. Their size grows with the
 * vocabulary, not with the number of events.
 */
export interface Names {
  /** In the data's order: the scrub index and the live pins number places by it. */
  places: readonly Place[];
  placeById: ReadonlyMap<string, Place>;
  orgById: ReadonlyMap<string, Organization>;
  categoryById: ReadonlyMap<string, Category>;
  /** The countries of the places. */
  countries: ReadonlySet<string>;
  sourceById: ReadonlyMap<string, SourceDocument>;
  sourceByFile: ReadonlyMap<string, SourceDocument>;
}

/** An event with what filtering needs precomputed once: its time span and lower-cased search text. */
export interface IndexedEvent extends StoredEvent {
  /** UTC calendar years and months (months counted from January 1970) of the start and end: density and year counts read them. */
  startYear: number;
  endYear: number;
  startMonth: number;
  endMonth: number;
  country?: string;
  /** Positions in the vocabularies (`DatasetIndex.ids`), -1 for none: facet counts index arrays with them. */
  placeIndex: number;
  countryIndex: number;
  categoryIndex: number;
  orgIndexes: number[];
  searchText: string;
}

/** The memory store's index: only lib/data/ reads it (other stores answer the same questions from a database). */
export interface DatasetIndex extends Names {
  dataset: Dataset;
  events: IndexedEvent[]; // in date order (date-order.ts `byDate`)
  placeById: Map<string, Place>;
  /** Each place's position in `dataset.places`: pins and the scrub index count places by it. */
  placeOrder: Map<string, number>;
  orgById: Map<string, Organization>;
  categoryById: Map<string, Category>;
  eventById: Map<string, IndexedEvent>;
  sourceById: Map<string, SourceDocument>;
  sourceByFile: Map<string, SourceDocument>;
  /**
   * The documents' texts by file name, server side only: the dataset object may travel to the
   * client, so the texts (as large as the events) are kept out of it.
   */
  sourceTexts: ReadonlyMap<string, string>;
  countries: Set<string>;
  /** Each vocabulary's ids in a fixed order: an event's `…Index` fields point into these. */
  ids: { city: string[]; country: string[]; category: string[]; org: string[] };
  /** Each event's span as columns, in `events` order: the time window is tested on every scrub frame. */
  startColumn: Float64Array;
  endColumn: Float64Array;
}

/**
 * The text a search's substring test reads: the event's own, its place's and organizations' names,
 * lower-cased. lib/search/search.ts indexes the same fields word by word: keep the two lists in step.
 */
export function searchTextOf(event: Event, place: Place | undefined, orgs: readonly (Organization | undefined)[]): string {
  return [
    event.title,
    event.titleZh,
    event.summary,
    place?.name,
    place?.nameZh,
    ...orgs.flatMap((org) => [org?.id, org?.name, org?.nameZh]),
    ...(event.people ?? []),
  ]
    .filter(Boolean)
    .join("\n")
    .toLowerCase();
}

function byId<T extends { id: string }>(items: T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

export function indexDataset(dataset: Dataset, sourceTexts: ReadonlyMap<string, string> = new Map()): DatasetIndex {
  const placeById = byId(dataset.places);
  const orgById = byId(dataset.organizations);
  const categoryById = byId(dataset.categories);
  const ids = {
    city: dataset.places.map((p) => p.id),
    country: [...new Set(dataset.places.map((p) => p.country))],
    category: dataset.categories.map((c) => c.id),
    org: dataset.organizations.map((o) => o.id),
  };
  const positions = (list: string[]) => new Map(list.map((id, i) => [id, i]));
  const at = { city: positions(ids.city), country: positions(ids.country), category: positions(ids.category), org: positions(ids.org) };
  const events: IndexedEvent[] = dataset.events.map((event) => {
    const place = event.place ? placeById.get(event.place) : undefined;
    const orgs = event.organizations.map((id) => orgById.get(id));
    const searchText = searchTextOf(event, place, orgs);
    // Filters and counts read these fields on every event: every key is set, in one fixed order
    // (absent ones as undefined), so all events share one object shape and property reads stay fast;
    // a spread of the record would make a shape per combination of optional fields. The mapped type
    // lists every field of the schema, so the compiler notices a new one.
    const fields: { [K in keyof Required<Event>]: Event[K] } = {
      id: event.id,
      title: event.title,
      titleZh: event.titleZh,
      titleZhSource: event.titleZhSource,
      summary: event.summary,
      start: event.start,
      end: event.end,
      dateCertainty: event.dateCertainty,
      dateInferred: event.dateInferred,
      // Ids are taken from the vocabulary, so all events share one string per id: counting by id
      // then hashes each string once (JSON.parse gives every event its own copy).
      place: place?.id ?? event.place,
      placeCertainty: event.placeCertainty,
      online: event.online,
      category: categoryById.get(event.category)?.id ?? event.category,
      organizations: event.organizations.map((id) => orgById.get(id)?.id ?? id),
      people: event.people,
      figures: event.figures,
      sources: event.sources,
    };
    const startMs = periodStart(event.start);
    const endMs = periodEnd(event.end ?? event.start);
    const start = new Date(startMs);
    const end = new Date(endMs);
    return {
      startMs,
      endMs,
      startYear: start.getUTCFullYear(),
      endYear: end.getUTCFullYear(),
      startMonth: (start.getUTCFullYear() - 1970) * 12 + start.getUTCMonth(),
      endMonth: (end.getUTCFullYear() - 1970) * 12 + end.getUTCMonth(),
      country: place?.country,
      placeIndex: place ? at.city.get(place.id)! : -1,
      countryIndex: place ? at.country.get(place.country)! : -1,
      categoryIndex: at.category.get(event.category) ?? -1,
      orgIndexes: event.organizations.map((id) => at.org.get(id) ?? -1),
      searchText,
      ...fields,
    };
  });
  events.sort(byDate);
  return {
    // The indexed events replace the parsed ones: at 10⁵ events a second copy costs ~100 MB.
    dataset: { ...dataset, events },
    events,
    places: dataset.places,
    placeById,
    placeOrder: new Map(dataset.places.map((p, i) => [p.id, i])),
    orgById,
    categoryById,
    eventById: byId(events),
    sourceById: byId(dataset.sources ?? []),
    sourceByFile: new Map((dataset.sources ?? []).map((s) => [s.file, s])),
    sourceTexts,
    countries: new Set(ids.country),
    ids,
    startColumn: Float64Array.from(events, (e) => e.startMs),
    endColumn: Float64Array.from(events, (e) => e.endMs),
  };
}
