import "server-only";
import type { DatasetIndex } from "./dataset";
import type { Vocabulary } from "../query/query";
import type { YearSpan } from "../query/years-in-search";

const cache = new WeakMap<DatasetIndex, Vocabulary>();

/** The first and last years the events touch (a year typed in a search is kept within them); null for no events. */
function yearsOf(index: DatasetIndex): YearSpan | null {
  if (index.events.length === 0) return null;
  let last = -Infinity;
  for (const e of index.events) if (e.endYear > last) last = e.endYear;
  return { first: index.events[0].startYear, last }; // events are in date order
}

/** The ids a query may name, per parameter, and the data's years; built once per loaded dataset. */
export function vocabularyOf(index: DatasetIndex): Vocabulary {
  let vocabulary = cache.get(index);
  if (!vocabulary) {
    vocabulary = {
      city: new Set(index.placeById.keys()),
      country: index.countries,
      category: new Set(index.categoryById.keys()),
      org: new Set(index.orgById.keys()),
      event: new Set(index.eventById.keys()),
      years: yearsOf(index),
    };
    cache.set(index, vocabulary);
  }
  return vocabulary;
}

const withoutEvents = new WeakMap<DatasetIndex, Omit<Vocabulary, "event">>();

/**
 * A snapshot's vocabulary: without the event ids, as the PostgreSQL store's (no store is asked to
 * hold every id; a URL's event is looked up, `parseQueryIn`), so that both stores read URLs alike.
 */
export function snapshotVocabulary(index: DatasetIndex): Omit<Vocabulary, "event"> {
  let vocabulary = withoutEvents.get(index);
  if (!vocabulary) {
    const { event: _everyId, ...rest } = vocabularyOf(index);
    withoutEvents.set(index, (vocabulary = rest));
  }
  return vocabulary;
}
