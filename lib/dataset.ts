import type { Category, Event, Organization, Place, SourceDocument } from "./schema";
import { periodEnd, periodStart } from "./time-window";

/** The four validated files, as they travel from the loader to server and client code. */
export interface Dataset {
  events: Event[];
  places: Place[];
  organizations: Organization[];
  categories: Category[];
  /** From `sources.json`, when the folder has one: what each cited document is (not its text). */
  sources?: SourceDocument[];
}

/** An event with what filtering needs precomputed once: its time span and lower-cased search text. */
export interface IndexedEvent extends Event {
  startMs: number;
  endMs: number;
  country?: string;
  searchText: string;
}

export interface DatasetIndex {
  dataset: Dataset;
  events: IndexedEvent[]; // sorted by start, then id
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
  /** Each event's span as columns, in `events` order: the time window is tested on every scrub frame. */
  startColumn: Float64Array;
  endColumn: Float64Array;
}

function byId<T extends { id: string }>(items: T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

export function indexDataset(dataset: Dataset, sourceTexts: ReadonlyMap<string, string> = new Map()): DatasetIndex {
  const placeById = byId(dataset.places);
  const orgById = byId(dataset.organizations);
  const categoryById = byId(dataset.categories);
  const events: IndexedEvent[] = dataset.events.map((event) => {
    const place = event.place ? placeById.get(event.place) : undefined;
    const orgs = event.organizations.map((id) => orgById.get(id));
    const searchText = [
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
    // Filtering reads the computed fields first and on every event: putting them first, in one
    // fixed order, keeps all events one object shape (a spread alone made lookups ~100× slower at 10⁵).
    return {
      startMs: periodStart(event.start),
      endMs: periodEnd(event.end ?? event.start),
      country: place?.country,
      searchText,
      ...event,
    };
  });
  events.sort((a, b) => a.startMs - b.startMs || a.id.localeCompare(b.id));
  return {
    dataset,
    events,
    placeById,
    placeOrder: new Map(dataset.places.map((p, i) => [p.id, i])),
    orgById,
    categoryById,
    eventById: byId(events),
    sourceById: byId(dataset.sources ?? []),
    sourceByFile: new Map((dataset.sources ?? []).map((s) => [s.file, s])),
    sourceTexts,
    countries: new Set(dataset.places.map((p) => p.country)),
    startColumn: Float64Array.from(events, (e) => e.startMs),
    endColumn: Float64Array.from(events, (e) => e.endMs),
  };
}
