import { describeView, pageTitle, viewTitle } from "./describe";
import { parseQuery, type RawParams } from "./query";
import type { EventStore } from "./store";

/** What a link's view shows, in words: for the page title, link previews and the preview image. */
export function summarizeView(params: RawParams, store: EventStore) {
  const { query } = parseQuery(params, store.vocabulary);
  const matched = store.match(query);
  return {
    query,
    matched,
    /** For the browser tab: the count first. */
    pageTitle: pageTitle(query, store.index, matched.length),
    /** For link previews: the filters first. */
    title: viewTitle(query, store.index, matched.length),
    sentence: describeView(query, store.index, matched.length),
  };
}
