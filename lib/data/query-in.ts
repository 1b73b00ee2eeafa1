import "server-only";
import type { Vocabulary } from "../query/query";
import { queryParsers } from "../query/query";
import { parseQuery, rawValue, type RawParams } from "../query/parse";
import type { StoreSnapshot } from "./store";

/**
 * Reads a URL's query against a snapshot: parseQuery with the snapshot's vocabulary (or `vocabulary`,
 * which adds to it), the URL's `event` checked by looking that one id up in the store, so that no
 * store holds every event id for the check. Where an unknown event matters (the page's, the embed's
 * and oEmbed's link, `readLink`; a 400 for the API's exports), the URL is read with this.
 */
export async function parseQueryIn(store: StoreSnapshot, params: RawParams, vocabulary: Omit<Vocabulary, "event"> = store.vocabulary) {
  const raw = rawValue(params, "event");
  const id = raw === undefined ? null : queryParsers.event.parse(raw);
  const known = id !== null && (await store.event(id)) !== null;
  return parseQuery(params, { ...vocabulary, event: new Set(known ? [id] : []) });
}
