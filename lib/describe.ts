import type { DatasetIndex } from "./dataset";
import { formatPartialDate, formatSpan } from "./dates";
import type { Query } from "./query";

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

export function countryName(code: string): string {
  try {
    return regionNames.of(code.toUpperCase()) ?? code.toUpperCase();
  } catch {
    return code.toUpperCase();
  }
}

export function plural(n: number, word: string): string {
  return `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;
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

/**
 * The active filters as phrases, in reading order. "sentence": ["in Beijing", "2025", "category
 * Conference"]; "short" (titles, previews): ["Beijing", "2025", "Conference"].
 */
export function describeFilters(query: Query, index: DatasetIndex, style: "sentence" | "short" = "sentence"): string[] {
  const name = (map: Map<string, { name: string }>, id: string) => map.get(id)?.name ?? id;
  const short = style === "short";
  const parts: string[] = [];
  const places = [...query.city.map((id) => name(index.placeById, id)), ...query.country.map(countryName)];
  if (places.length) parts.push(short ? places.join(", ") : `in ${orList(places)}`);
  const window = describeWindow(query.from, query.to);
  if (window) parts.push(window);
  if (query.category.length) {
    const names = query.category.map((id) => name(index.categoryById, id));
    parts.push(short ? names.join(", ") : `${names.length === 1 ? "category" : "categories"} ${orList(names)}`);
  }
  if (query.org.length) {
    const names = query.org.map((id) => name(index.orgById, id));
    parts.push(short ? names.join(", ") : `involving ${orList(names)}`);
  }
  if (query.q) parts.push(short ? `“${query.q}”` : `matching “${query.q}”`);
  return parts;
}

/** "7 events in Beijing, 2025, category Conference" — the view as a sentence. */
export function describeView(query: Query, index: DatasetIndex, matched: number): string {
  return [plural(matched, "event"), ...describeFilters(query, index)].join(", ").replace(/^([\d,]+ events?), in /, "$1 in ");
}

/** "Shanghai · 2023–2025 · 4 events" — the view as a title for tabs and link previews. */
export function viewTitle(query: Query, index: DatasetIndex, matched: number): string {
  return [...describeFilters(query, index, "short"), plural(matched, "event")].join(" · ");
}
