import type { DatasetIndex } from "./dataset";
import { describeView, viewTitle } from "./describe";
import { filterEvents } from "./filter";
import { parseQuery, type RawParams } from "./query";
import { vocabularyOf } from "./vocabulary";

/** What a link's view shows, in words: for the page title, link previews and the preview image. */
export function summarizeView(params: RawParams, index: DatasetIndex) {
  const { query } = parseQuery(params, vocabularyOf(index));
  const matched = filterEvents(index, query);
  return {
    query,
    matched,
    title: viewTitle(query, index, matched.length),
    sentence: describeView(query, index, matched.length),
  };
}
