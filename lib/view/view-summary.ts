import "server-only";
import type { DatasetIndex } from "../data/dataset";
import { describeView, pageTitle, viewTitle } from "./describe";
import { parseQuery, type Query, type RawParams } from "../query/query";
import type { EventStore } from "../data/store";

/** What a view shows, in words, given how many events match: for the page title and link previews. */
export function viewWords(query: Query, index: DatasetIndex, matched: number) {
  return {
    /** For the browser tab: the count first. */
    pageTitle: pageTitle(query, index, matched),
    /** For link previews: the filters first. */
    title: viewTitle(query, index, matched),
    sentence: describeView(query, index, matched),
  };
}

/** What a link's view shows, in words, with its matches: for the preview image, which draws them by year. */
export function summarizeView(params: RawParams, store: EventStore) {
  const { query } = parseQuery(params, store.vocabulary);
  const matched = store.match(query);
  return { query, matched, ...viewWords(query, store.index, matched.length) };
}
