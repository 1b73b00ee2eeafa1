import type { NextRequest } from "next/server";
import { ifNoneMatch, notModified } from "@/lib/http/etag";
import { storeFailuresAs503, storeOr503 } from "@/lib/http/unavailable";
import { QueueFullError } from "@/lib/og/limiter";
import { previewKey, previews } from "./preview-cache";

// The URL names the view, not the data version: a day's freshness, then the ETag revalidates cheaply.
const CACHE_CONTROL = "public, max-age=86400, stale-while-revalidate=604800";

/** The link-preview image of a view, rendered once per view and data version (see preview-cache). */
async function get(request: NextRequest) {
  const store = await storeOr503();
  if (store instanceof Response) return store;
  const { key, search, etag } = await previewKey(request.nextUrl.searchParams, store);
  const headers = { "Cache-Control": CACHE_CONTROL, ETag: etag };
  if (ifNoneMatch(request.headers.get("if-none-match"), etag)) return notModified(headers);
  try {
    // A client that leaves (request.signal) stops waiting; once none waits, the render is abandoned.
    const png = await previews.get(key, { search, store }, request.signal);
    return new Response(png as Uint8Array<ArrayBuffer>, {
      headers: { ...headers, "Content-Type": "image/png", "Content-Length": String(png.byteLength) },
    });
  } catch (error) {
    // Nobody is left to read an answer; this one only ends the handler without logging an error.
    if (request.signal.aborted) return new Response(null, { status: 499 });
    if (!(error instanceof QueueFullError)) throw error;
    return new Response("Too many preview images are being drawn; try again shortly", {
      status: 503,
      headers: { "Cache-Control": "no-store", "Retry-After": "5" },
    });
  }
}

// The database going down midway answers 503, as when it was down from the start.
export const GET = storeFailuresAs503(get);
