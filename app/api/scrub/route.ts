import type { NextRequest } from "next/server";
import { parseQuery } from "@/lib/query/parse";
import { ifNoneMatch, notModified } from "@/lib/http/etag";
import { storeFailuresAs503, storeOr503 } from "@/lib/http/unavailable";

/**
 * The compact columns the browser filters by time while the timeline is dragged (lib/timeline/scrub-index.ts),
 * for the events matching the URL's other filters. A request naming the current data version (`v`)
 * may be cached for good; any other is answered fresh.
 */
async function get(request: NextRequest) {
  const store = await storeOr503();
  if (store instanceof Response) return store;
  const params = request.nextUrl.searchParams;
  const current = params.get("v") === store.version;
  // Per URL, the columns change only with the data: a revalidation within a version is a 304.
  const caching = { "Cache-Control": current ? "public, max-age=31536000, immutable" : "no-cache", ETag: `"${store.version}"` };
  if (ifNoneMatch(request.headers.get("if-none-match"), caching.ETag)) return notModified(caching);
  const { query } = parseQuery(params, store.vocabulary);
  const body = await store.scrubIndex(query);
  // Too many events to scrub in the browser: it draws the server's density instead.
  if (!body) return new Response(null, { status: 204, headers: caching });
  return new Response(body, { headers: { "Content-Type": "application/octet-stream", ...caching } });
}

// The database going down midway answers 503, as when it was down from the start.
export const GET = storeFailuresAs503(get);
