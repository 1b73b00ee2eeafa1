import type { NextRequest } from "next/server";
import { parseQuery } from "@/lib/query";
import { encodeScrubColumns } from "@/lib/scrub-index";
import { getStore } from "@/lib/store";

/**
 * The compact columns the browser filters by time while the timeline is dragged (lib/scrub-index.ts),
 * for the events matching the URL's other filters. A request naming the current data version (`v`)
 * may be cached for good; any other is answered fresh.
 */
export async function GET(request: NextRequest) {
  const store = await getStore().catch(() => null);
  if (!store) return new Response("The dataset could not be loaded", { status: 503 });
  const params = request.nextUrl.searchParams;
  const { query } = parseQuery(params, store.vocabulary);
  const body = encodeScrubColumns(store.matchAllButTime(query), store.index);
  const current = params.get("v") === store.version;
  return new Response(body, {
    headers: {
      "Content-Type": "application/octet-stream",
      "Cache-Control": current ? "public, max-age=31536000, immutable" : "no-cache",
      ETag: `"${store.version}"`,
    },
  });
}
