import { createHash } from "node:crypto";
import { ImageResponse } from "next/og";
import { previewFontsFor } from "@/lib/og/fonts";
import { createRenderCache } from "@/lib/og/render-cache";
import { searchFor } from "@/lib/query/query";
import { parseQuery } from "@/lib/query/parse";
import type { StoreSnapshot } from "@/lib/data/store";
import { PREVIEW_SIZE, PreviewImage, previewContent } from "./preview-image";

/** A view's preview, named by the data version and its normalized query (the map viewport is not drawn). */
export function previewKey(params: URLSearchParams, store: StoreSnapshot) {
  const { query } = parseQuery(params, store.vocabulary);
  const search = searchFor("preview", query);
  const key = `${store.version}${search}`;
  const etag = `"og-${createHash("sha256").update(key).digest("base64url").slice(0, 22)}"`;
  return { key, search, etag };
}

/** Draws a view's preview; stops between stages once every client waiting for it has left (`signal`). */
async function render({ search, store }: { search: string; store: StoreSnapshot }, signal: AbortSignal): Promise<Uint8Array> {
  const content = await previewContent(search, store);
  const { fonts, covered, family } = await previewFontsFor([content.site, content.title, content.sentence]);
  // Drawing (layout, then rasterising) is the costly stage and cannot be interrupted once begun.
  signal.throwIfAborted();
  // `emoji` only picks a CDN; no emoji is ever looked up, because `drawable` strips what the fonts lack.
  const response = new ImageResponse(<PreviewImage content={content} covered={covered} fontFamily={family} />, {
    ...PREVIEW_SIZE,
    fonts,
  });
  return new Uint8Array(await response.arrayBuffer());
}

// One per server process: two renders at a time, 256 distinct views waiting at most, 64 MB of PNGs (~1,000 views).
export const previews = createRenderCache({ render, concurrency: 2, maxQueued: 256, maxBytes: 64 * 1024 * 1024 });
