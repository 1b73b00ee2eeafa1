import { cache } from "react";
import { oembedHref, pageHref } from "@/lib/query/endpoints";
import { type Query } from "@/lib/query/query";
import { parseQuery, type RawParams } from "@/lib/query/parse";
import { openSnapshot } from "@/lib/data/store";
import { computeView } from "@/lib/view/view-model";
import { currentStep, isBareStepLink, tourVocabulary, withStepView } from "@/lib/tours/steps";

export type SearchParams = Record<string, string | string[] | undefined>;

/**
 * A link read and its view computed once per request: the page and its metadata both need them, and
 * each would otherwise parse the link and filter the events again. Keyed by the search string, as
 * the two are handed different objects for the same URL. A link naming a tour's step and no view
 * (`?tour=…&step=…`) shows the step's own view.
 */
const viewOfSearch = cache(async (search: string) => {
  const store = await openSnapshot();
  const tours = await store.tours();
  const vocabulary = { ...store.vocabulary, tours: tourVocabulary(tours) };
  const params: RawParams = new URLSearchParams(search);
  const parsed = parseQuery(params, vocabulary);
  const { issues } = parsed;
  const step = currentStep(tours, parsed.query);
  const query = step && isBareStepLink(params) ? withStepView(parsed.query, step.step, vocabulary) : parsed.query;
  return { store, params, query, issues, tours, step, vocabulary, view: await computeView(store, query) };
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
