import { createHash } from "node:crypto";
import type { NextRequest } from "next/server";
import { invalidExport, renderExport } from "@/lib/export/render";
import { ifNoneMatch, notModified } from "@/lib/http/etag";
import { siteUrl } from "@/lib/http/site-url";
import { storeFailuresAs503, storeOr503 } from "@/lib/http/unavailable";
import { isExportFormat } from "@/lib/query/export-formats";
import { serializeQuery } from "@/lib/query/query";
import { parseQueryIn } from "@/lib/data/store";

async function get(request: NextRequest) {
  const store = await storeOr503();
  if (store instanceof Response) return store;
  const params = request.nextUrl.searchParams;
  const { query, issues } = await parseQueryIn(store, params);
  const format = params.get("format") ?? "json";
  if (!isExportFormat(format) || issues.length > 0) return invalidExport(format, issues);
  // Exported links are absolute: the same URL asked through another host links elsewhere.
  const site = siteUrl(request.headers.get("host")).origin;
  // An answer is a function of the data version, the normalized query and the site: that is its ETag.
  // Clients revalidate every time (the files may change under a running server), and usually get a 304.
  const etag = `"${store.version}-${createHash("sha256")
    .update(`${format}${serializeQuery(query)}${site}`)
    .digest("base64url")
    .slice(0, 16)}"`;
  const caching = { ETag: etag, "Cache-Control": "public, no-cache" };
  if (ifNoneMatch(request.headers.get("if-none-match"), etag)) return notModified(caching);
  const context = { names: store.names, total: store.total, lang: query.lang, site };
  const matched = await store.count(query);
  const response = await renderExport(format, { matched, events: () => store.exportEvents(query) }, context, query, {
    signal: request.signal,
    // Next answers HEAD with GET's handler: the headers are the same, the file is not rendered.
    headersOnly: request.method === "HEAD",
  });
  if (response.status === 200) for (const [name, value] of Object.entries(caching)) response.headers.set(name, value);
  return response;
}

// The database going down midway answers 503, as when it was down from the start.
export const GET = storeFailuresAs503(get);
