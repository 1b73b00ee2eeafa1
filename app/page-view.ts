import { cache } from "react";
import { oembedHref, pageHref } from "@/lib/query/endpoints";
import { type Query } from "@/lib/query/query";
import { openSnapshot } from "@/lib/data/store";
import { computeView } from "@/lib/view/view-model";
import { readLink } from "@/lib/tours/steps";

export type SearchParams = Record<string, string | string[] | undefined>;

/**
 * A link read and its view computed once per request: the page and its metadata both need them, and
 * each would otherwise parse the link and filter the events again. Keyed by the search string, as
 * the two are handed different objects for the same URL. A link naming a tour's step and no view
 * (`?tour=…&step=…`) shows the step's own view.
 */
const viewOfSearch = cache(async (search: string) => {
  const store = await openSnapshot();
  const params = new URLSearchParams(search);
  const link = await readLink(store, params);
  return { store, params, ...link, view: await computeView(store, link.query) };
});

export function pageView(params: SearchParams) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) for (const v of [value ?? []].flat()) search.append(key, v);
  return viewOfSearch(search.toString());
}

/**
 * The view's oEmbed discovery link (`<link rel="alternate" type="application/json+oembed">`), so a
 * CMS given the page's address finds its embed code. Absolute, as consumers read it from another site.
 */
export function oembedAlternate(query: Query, site: URL): Record<string, string> {
  const page = new URL(pageHref(query, {}), site).href;
  return { "application/json+oembed": new URL(oembedHref(page), site).href };
}
