import { EMPTY_QUERY, searchFor, type Query } from "./query";

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
