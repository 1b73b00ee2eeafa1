import type { NextRequest } from "next/server";
import { contentDisposition } from "@/lib/http/content-disposition";
import { ifNoneMatch, notModified } from "@/lib/http/etag";
import { storeFailuresAs503, storeOr503 } from "@/lib/http/unavailable";
import { QueueFullError } from "@/lib/og/limiter";
import { parseQueryIn } from "@/lib/data/store";
import { playbackFilename, type PlaybackFormat } from "@/lib/query/playback-download";
import { PLAYBACK_FILES, playbackFiles, playbackKey, playbackPlan } from "./playback-cache";

// As the previews: the URL names the view, not the data version; a day's freshness, then the ETag revalidates.
const CACHE_CONTROL = "public, max-age=86400, stale-while-revalidate=604800";

/**
 * A playback as a file (`/og/playback.gif`, `/og/playback.webm`): each frame the view's preview with
 * that frame's window, at most the format's bound of them (above it every k-th, said in
 * `X-Playback-Frames`), each shown for the playback's pace. Rendered once per playback, format and
 * data version, and abandoned when the client leaves. The formats differ only in their encoder.
 */
export function playbackRoute(format: PlaybackFormat) {
  const { contentType, maxFrames } = PLAYBACK_FILES[format];

  async function get(request: NextRequest) {
    const store = await storeOr503();
    if (store instanceof Response) return store;
    const { query, issues } = await parseQueryIn(store, request.nextUrl.searchParams);
    // A download is asked for by a link: a value it would silently drop is answered as the API answers it.
    if (issues.length > 0) return Response.json({ error: "Invalid query parameters", issues }, { status: 400 });
    const { key, etag } = playbackKey(format, query, store);
    const headers = {
      "Cache-Control": CACHE_CONTROL,
      ETag: etag,
      "Content-Disposition": contentDisposition(playbackFilename(query, format)),
    };
    if (ifNoneMatch(request.headers.get("if-none-match"), etag)) return notModified(headers);
    try {
      const plan = await playbackPlan(query, store, maxFrames);
      const file = await playbackFiles.get(key, { format, query, store, plan }, request.signal);
      return new Response(file as Uint8Array<ArrayBuffer>, {
        headers: {
          ...headers,
          "Content-Type": contentType,
          "Content-Length": String(file.byteLength),
          // "12 of 137, every 3rd": how much of the playback the file shows.
          "X-Playback-Frames": `${plan.frames.length} of ${plan.total}, every ${plan.every}`,
        },
      });
    } catch (error) {
      // Nobody is left to read an answer; this one only ends the handler without logging an error.
      if (request.signal.aborted) return new Response(null, { status: 499 });
      if (!(error instanceof QueueFullError)) throw error;
      return new Response("Too many animations are being drawn; try again shortly", {
        status: 503,
        headers: { "Cache-Control": "no-store", "Retry-After": "5" },
      });
    }
  }

  // The database going down midway answers 503, as when it was down from the start.
  return storeFailuresAs503(get);
}
