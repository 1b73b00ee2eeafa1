import "server-only";
import { describeView, pageTitle, viewTitle } from "./describe";
import { EMPTY_QUERY, type Query } from "../query/query";
import { parseQuery, type RawParams } from "../query/parse";
import type { StoreSnapshot } from "../data/store";

/** What a view shows, in words, given how many events match: for the page title and link previews. */
export function viewWords(query: Query, snapshot: Pick<StoreSnapshot, "names" | "total">, matched: number) {
  const { names, total } = snapshot;
  return {
    /** For the browser tab: the count first. */
    pageTitle: pageTitle(query, names, matched, total),
    /** For link previews: the filters first. */
    title: viewTitle(query, names, matched),
    sentence: describeView(query, names, matched),
  };
}

/**
 * What a link's view shows, in words, with its matches counted per year against the whole dataset's:
 * for the preview image, which draws them as bars.
 */
export async function summarizeView(params: RawParams, snapshot: StoreSnapshot) {
  const { query } = parseQuery(params, snapshot.vocabulary);
  const [matched, years, allYears] = await Promise.all([
    snapshot.count(query),
    snapshot.yearCounts(query),
    snapshot.yearCounts(EMPTY_QUERY),
  ]);
  return { query, matched, years, allYears, ...viewWords(query, snapshot, matched) };
}
