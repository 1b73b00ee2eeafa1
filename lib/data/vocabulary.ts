import "server-only";
import type { DatasetIndex } from "./dataset";
import type { Vocabulary } from "../query/query";

const cache = new WeakMap<DatasetIndex, Vocabulary>();

/** The ids a query may name, per parameter; built once per loaded dataset. */
export function vocabularyOf(index: DatasetIndex): Vocabulary {
  let vocabulary = cache.get(index);
  if (!vocabulary) {
    vocabulary = {
      city: new Set(index.placeById.keys()),
      country: index.countries,
      category: new Set(index.categoryById.keys()),
      org: new Set(index.orgById.keys()),
      event: new Set(index.eventById.keys()),
    };
    cache.set(index, vocabulary);
  }
  return vocabulary;
}
