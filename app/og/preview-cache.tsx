import { createHash } from "node:crypto";
import { ImageResponse } from "next/og";
import { previewFontsFor } from "@/lib/og/fonts";
import { createRenderCache } from "@/lib/og/render-cache";
import { searchFor, type Query } from "@/lib/query/query";
import { readLink, stepPreviewSearch } from "@/lib/tours/steps";
import type { StoreSnapshot } from "@/lib/data/store";
import { PREVIEW_SIZE, PreviewImage, previewContent } from "./preview-image";

/**
 * A view's preview, named by the data version and its normalized query (the map viewport is not
 * drawn); a tour's step by its ids too (its title is drawn), the tour alone naming its first step,
 * and a step named without a view drawing the step's view.
 */
export async function previewKey(params: URLSearchParams, store: StoreSnapshot) {
  // Read as the page reads it: a link naming a step and no view (`?tour=…&step=…`) shows the step's own view.
  const { query, step } = await readLink(store, params);
  const search = step ? stepPreviewSearch(query, step) : searchFor("preview", query);
  const key = `${store.version}${search}`;
  const etag = `"og-${createHash("sha256").update(key).digest("base64url").slice(0, 22)}"`;
  return { key, search, etag };
}

type Size = { width: number; height: number };

interface RenderContext {
  search: string;
  store: StoreSnapshot;
  /** Smaller than the preview's own, of the same shape (a playback's GIF): the same drawing, scaled down. */
  size?: Size;
}

/** Draws a view's preview; stops between stages once every client waiting for it has left (`signal`). */
async function render({ search, store, size = PREVIEW_SIZE }: RenderContext, signal: AbortSignal): Promise<Uint8Array> {
  const content = await previewContent(search, store);
  const { fonts, covered, family } = await previewFontsFor([content.site, content.title, content.sentence]);
  // Drawing (layout, then rasterising) is the costly stage and cannot be interrupted once begun.
  signal.throwIfAborted();
  // `emoji` only picks a CDN; no emoji is ever looked up, because `drawable` strips what the fonts lack.
  const scale = size.width / PREVIEW_SIZE.width;
  const response = new ImageResponse(<PreviewImage content={content} covered={covered} fontFamily={family} scale={scale} />, {
    ...size,
    fonts,
  });
  return new Uint8Array(await response.arrayBuffer());
}

// One per server process: two renders at a time, 256 distinct views waiting at most, 64 MB of PNGs (~1,000 views).
export const previews = createRenderCache({ render, concurrency: 2, maxQueued: 256, maxBytes: 64 * 1024 * 1024 });

/**
 * A view's preview at `size`, for a playback's frames: drawn and cached as the previews are (the
 * same limiter, so a GIF's frames take turns with link previews rather than crowd them out).
 */
export function smallPreview(query: Query, store: StoreSnapshot, size: Size, signal?: AbortSignal) {
  const search = searchFor("preview", query);
  return previews.get(`${store.version}@${size.width}x${size.height}${search}`, { search, store, size }, signal);
}
