import type { Lang } from "../i18n/lang";
import { EMPTY_QUERY, parseQuery, searchFor, type Query, type Vocabulary } from "./query";

/**
 * The way back to a dashboard view from a page opened from it (a source document, the sources
 * index): the link carries the view's query string in one parameter, and "Back to the dashboard"
 * reads it with the dashboard's own parsers.
 */
export const BACK_PARAM = "back";

/**
 * The `back` value of a view: its query string without the `?` and without `lang`, which the page
 * opened keeps in its own parameter (the reader's language is one setting, not two). "" for the
 * default view.
 */
export function backValue(query: Query): string {
  // The dashboard's link to the view ("page"): an embed's own `ui` and `theme` mean nothing there.
  return searchFor("page", { ...query, lang: EMPTY_QUERY.lang }).replace(/^\?/, "");
}

/** `href` with the view to come back to, or without any when that is the default view. */
export function withBack(href: string, back: string): string {
  // Any base: only the path, query and fragment are kept, so the link stays on this site.
  const url = new URL(href, "http://site.invalid");
  if (back) url.searchParams.set(BACK_PARAM, back);
  else url.searchParams.delete(BACK_PARAM);
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * What a page opened from the dashboard makes of its `back` parameter: the view, read by the
 * dashboard's parsers (values of no known form and ids the dataset lacks dropped, every other
 * parameter ignored), and the link back to it in the reader's language. The href is always `/`
 * followed by a query string this module wrote itself: never another site, never the text as given.
 */
export function readBack(raw: string | string[] | undefined, lang: Lang, vocabulary?: Vocabulary): { back: string; href: string } {
  const given = [raw ?? ""].flat()[0];
  const { query } = parseQuery(new URLSearchParams(given), vocabulary);
  return { back: backValue(query), href: `/${searchFor("page", { ...query, lang })}` };
}
