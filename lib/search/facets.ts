import "server-only";
import type { DatasetIndex, Names } from "../data/dataset";
import { countryName } from "../view/describe";
import { countBy, facetBase } from "./filter";
import { translator } from "../i18n/translator";
import { LANG_TAGS, nameIn, type Lang } from "../i18n/lang";
import type { ListKey, Query } from "../query/query";

export interface FacetOption {
  id: string;
  /** In the reader's language. */
  label: string;
  count: number; // matching events if this value were chosen, given every other active filter
  active: boolean;
}

export interface Facet {
  key: ListKey;
  title: string;
  options: FacetOption[];
}

function namesFor(key: ListKey, index: Names, lang: Lang): { id: string; name: string; nameZh?: string }[] {
  switch (key) {
    case "city":
      return [...index.placeById.values()];
    case "category":
      return [...index.categoryById.values()];
    case "org":
      return [...index.orgById.values()];
    case "country":
      return [...index.countries].map((id) => ({ id, name: countryName(id, lang) }));
  }
}

/** Every value of every facet with its count; most frequent first, chosen values always listed. */
export function facets(index: DatasetIndex, query: Query): Facet[] {
  return facetsFromCounts(index, query, (key) => countBy(facetBase(index, query, key), key, index));
}

/** The facets from each value's count under the other filters, however a store counted them. */
export function facetsFromCounts(names: Names, query: Query, countsOf: (key: ListKey) => ReadonlyMap<string, number>): Facet[] {
  const { lang } = query;
  const t = translator(lang);
  return (["category", "city", "country", "org"] as ListKey[]).map((key) => {
    const counts = countsOf(key);
    const options = namesFor(key, names, lang).map((item) => ({
      id: item.id,
      label: nameIn(lang, item),
      count: counts.get(item.id) ?? 0,
      active: query[key].includes(item.id),
    }));
    options.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, LANG_TAGS[lang]));
    return { key, title: t(`chips.${key}`), options };
  });
}

/** Year quick-picks with counts under the other filters. */
export function yearOptions(index: DatasetIndex, query: Query): { year: string; count: number; active: boolean }[] {
  const counts = countBy(facetBase(index, query, "time"), "year", index);
  return yearOptionsFromCounts(countBy(index.events, "year", index).keys(), counts, query);
}

/** Year quick-picks from the data's years and the counts under the other filters, however a store counted them. */
export function yearOptionsFromCounts(
  dataYears: Iterable<string>,
  counts: ReadonlyMap<string, number>,
  query: Query,
): { year: string; count: number; active: boolean }[] {
  return [...dataYears].sort().map((year) => ({
    year,
    count: counts.get(year) ?? 0,
    active: query.from === year && query.to === year,
  }));
}
