import { createHash } from "node:crypto";
import type { NextRequest } from "next/server";
import { renderExport } from "@/lib/export/render";
import { ifNoneMatch, notModified } from "@/lib/http/etag";
import { storeOr503 } from "@/lib/http/unavailable";
import { parseQuery, serializeQuery } from "@/lib/query/query";

export async function GET(request: NextRequest) {
  const store = await storeOr503();
  if (store instanceof Response) return store;
  const params = request.nextUrl.searchParams;
  const { query, issues } = parseQuery(params, store.vocabulary);
  const format = params.get("format") ?? "json";
  // An answer is a function of the data version and the normalized query: that is its ETag. Clients
  // revalidate every time (the files may change under a running server), and usually get a 304.
  const etag = `"${store.version}-${createHash("sha256")
    .update(`${format}${serializeQuery(query)}`)
    .digest("base64url")
    .slice(0, 16)}"`;
  const caching = { ETag: etag, "Cache-Control": "public, no-cache" };
  // An answer with issues is a 400, which has no representation to revalidate.
  if (issues.length === 0 && ifNoneMatch(request.headers.get("if-none-match"), etag)) return notModified(caching);
  const response = renderExport(format, store.match(query), store.index, query, issues);
  if (response.status === 200) for (const [name, value] of Object.entries(caching)) response.headers.set(name, value);
  return response;
}
