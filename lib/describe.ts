import type { DatasetIndex } from "./dataset";
import { formatPartialDate, formatSpan } from "./dates";
import type { Query } from "./query";
import { plural, sentenceOf, type SentenceParts } from "./sentence";

export { plural };

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

export function countryName(code: string): string {
  try {
    return regionNames.of(code.toUpperCase()) ?? code.toUpperCase();
  } catch {
    return code.toUpperCase();
  }
}

const orList = (names: string[]) =>
  names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}`;

export function describeWindow(from: string | null, to: string | null): string | null {
  if (from && to) {
    if (from === to) return formatPartialDate(from);
    if (from.length === 4 && to.length === 4) return `${from}–${to}`;
    return formatSpan(from, to);
  }
  if (from) return `since ${formatPartialDate(from)}`;
  if (to) return `until ${formatPartialDate(to)}`;
  return null;
}

/** The active filters as phrases: places, time window, then the rest, as the sentence reads them. */
export function sentenceParts(query: Query, index: DatasetIndex): SentenceParts {
  const name = (map: Map<string, { name: string }>, id: string) => map.get(id)?.name ?? id;
  const places = [...query.city.map((id) => name(index.placeById, id)), ...query.country.map(countryName)];
  const rest: string[] = [];
  if (query.category.length) {
    const names = query.category.map((id) => name(index.categoryById, id));
    rest.push(`${names.length === 1 ? "category" : "categories"} ${orList(names)}`);
  }
  if (query.org.length) rest.push(`involving ${orList(query.org.map((id) => name(index.orgById, id)))}`);
  if (query.q) rest.push(`matching “${query.q}”`);
  return { places: places.length ? `in ${orList(places)}` : null, window: describeWindow(query.from, query.to), rest };
}

/** The active filters in short: ["Beijing", "2025", "Conference"], for titles and previews. */
export function shortFilters(query: Query, index: DatasetIndex): string[] {
  const name = (map: Map<string, { name: string }>, id: string) => map.get(id)?.name ?? id;
  const parts: string[] = [];
  const places = [...query.city.map((id) => name(index.placeById, id)), ...query.country.map(countryName)];
  if (places.length) parts.push(places.join(", "));
  const window = describeWindow(query.from, query.to);
  if (window) parts.push(window);
  if (query.category.length) parts.push(query.category.map((id) => name(index.categoryById, id)).join(", "));
  if (query.org.length) parts.push(query.org.map((id) => name(index.orgById, id)).join(", "));
  if (query.q) parts.push(`“${query.q}”`);
  return parts;
}

/** "7 events in Beijing, 2025, category Conference" — the view as a sentence. */
export function describeView(query: Query, index: DatasetIndex, matched: number): string {
  return sentenceOf(matched, sentenceParts(query, index));
}

/** "Shanghai · 2023–2025 · 4 events" — the view as a title for tabs and link previews. */
export function viewTitle(query: Query, index: DatasetIndex, matched: number): string {
  return [...shortFilters(query, index), plural(matched, "event")].join(" · ");
}
