import "server-only";
import type { Names } from "../data/dataset";
import { rangeLabel, type WindowWords } from "../core/dates";
import { formatCount } from "../i18n/plural";
import { pluralForms, translator } from "../i18n/translator";
import { LANG_TAGS, nameById, type Lang } from "../i18n/lang";
import type { Query } from "../query/query";
import { sentenceOf, type SentenceParts } from "../i18n/sentence";

const regionNames = new Map<Lang, Intl.DisplayNames>();

/** "China" / "中国", from the runtime's own region names. */
export function countryName(code: string, lang: Lang = "en"): string {
  let names = regionNames.get(lang);
  if (!names) regionNames.set(lang, (names = new Intl.DisplayNames([LANG_TAGS[lang]], { type: "region" })));
  try {
    return names.of(code.toUpperCase()) ?? code.toUpperCase();
  } catch {
    return code.toUpperCase();
  }
}

/** "A, B or C" / "A、B或C". */
export function orList(names: string[], lang: Lang): string {
  if (names.length <= 1) return names.join("");
  const t = translator(lang);
  return t("sentence.or", { first: names.slice(0, -1).join(t("sentence.listSeparator")), last: names[names.length - 1] });
}

/** The catalogue's window words, which the sentence parts also carry for a dragged window. */
function windowWords(lang: Lang): WindowWords {
  const t = translator(lang);
  return {
    since: t.raw("sentence.since") as string,
    until: t.raw("sentence.until") as string,
    yearSpan: t.raw("sentence.yearSpan") as string,
  };
}

export function describeWindow(from: string | null, to: string | null, lang: Lang = "en"): string | null {
  return rangeLabel(from, to, lang, windowWords(lang));
}

function placeNames(query: Query, index: Names): string[] {
  const { lang } = query;
  return [...query.city.map((id) => nameById(lang, index.placeById, id)), ...query.country.map((code) => countryName(code, lang))];
}

/** The active filters as phrases: places, time window, then the rest, as the sentence reads them. */
export function sentenceParts(query: Query, index: Names): SentenceParts {
  const { lang } = query;
  const t = translator(lang);
  const places = placeNames(query, index);
  const rest: string[] = [];
  if (query.category.length) {
    const names = orList(
      query.category.map((id) => nameById(lang, index.categoryById, id)),
      lang,
    );
    rest.push(t("sentence.category", { count: query.category.length, names }));
  }
  if (query.org.length)
    rest.push(
      t("sentence.org", {
        names: orList(
          query.org.map((id) => nameById(lang, index.orgById, id)),
          lang,
        ),
      }),
    );
  if (query.unmapped) rest.push(t("sentence.unmapped"));
  if (query.q) rest.push(t("sentence.q", { q: query.q }));
  return {
    lang,
    events: pluralForms(lang, "events"),
    joiner: t("sentence.joiner"),
    places: places.length ? t("sentence.places", { names: orList(places, lang) }) : null,
    window: describeWindow(query.from, query.to, lang),
    windowWords: windowWords(lang),
    rest,
  };
}

/** The active filters in short: ["Beijing", "2025", "Conference"], for titles and previews. */
export function shortFilters(query: Query, index: Names): string[] {
  const { lang } = query;
  const t = translator(lang);
  const sep = t("sentence.listSeparator");
  const parts: string[] = [];
  const places = placeNames(query, index);
  if (places.length) parts.push(places.join(sep));
  const window = describeWindow(query.from, query.to, lang);
  if (window) parts.push(window);
  if (query.category.length) parts.push(query.category.map((id) => nameById(lang, index.categoryById, id)).join(sep));
  if (query.org.length) parts.push(query.org.map((id) => nameById(lang, index.orgById, id)).join(sep));
  if (query.unmapped) parts.push(t("chips.unmapped"));
  if (query.q) parts.push(t("chips.quoted", { q: query.q }));
  return parts;
}

/** "7 events in Beijing, 2025, category Conference" — the view as a sentence. */
export function describeView(query: Query, index: Names, matched: number): string {
  return sentenceOf(matched, sentenceParts(query, index));
}

/** "Shanghai · 2023–2025 · 4 events" — the view as a title for tabs and link previews. */
export function viewTitle(query: Query, index: Names, matched: number): string {
  return [...shortFilters(query, index), translator(query.lang)("count.events", { count: matched })].join(" · ");
}

/**
 * "2 of 54 events — Shanghai · 2019": the browser tab's title. The count comes first, as a narrow
 * tab shows only the start; "54 events" when nothing is filtered.
 */
export function pageTitle(query: Query, index: Names, matched: number, total: number): string {
  const t = translator(query.lang);
  const filters = shortFilters(query, index);
  if (filters.length === 0) return t("count.events", { count: total });
  return `${t("count.matchedOf", { total, matched: formatCount(matched, query.lang) })} — ${filters.join(" · ")}`;
}
