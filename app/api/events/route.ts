import { createHash } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { renderExport } from "@/lib/export/render";
import { publicProblems } from "@/lib/public-problems";
import { parseQuery, serializeQuery } from "@/lib/query";
import { DatasetError, getStore } from "@/lib/store";

export async function GET(request: NextRequest) {
  let store;
  try {
    store = await getStore();
  } catch (error) {
    if (!(error instanceof DatasetError)) throw error;
    return NextResponse.json({ error: "The dataset could not be loaded", problems: publicProblems(error.dir, error.problems) }, { status: 503 });
  }
  const params = request.nextUrl.searchParams;
  const { query, issues } = parseQuery(params, store.vocabulary);
  const format = params.get("format") ?? "json";
  // An answer is a function of the data version and the normalized query: that is its ETag. Clients
  // revalidate every time (the files may change under a running server), and usually get a 304.
  const etag = `"${store.version}-${createHash("sha256").update(`${format}${serializeQuery(query)}`).digest("base64url").slice(0, 16)}"`;
  const caching = { ETag: etag, "Cache-Control": "public, no-cache" };
  if (issues.length === 0 && request.headers.get("if-none-match")?.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag)) {
    return new Response(null, { status: 304, headers: caching });
  }
  const response = renderExport(format, store.match(query), store.index, query, issues);
  if (response.status === 200) for (const [name, value] of Object.entries(caching)) response.headers.set(name, value);
  return response;
}
