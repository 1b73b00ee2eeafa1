import { createHash } from "node:crypto";
import { animatedGif } from "@/lib/og/gif";
import { createRenderCache } from "@/lib/og/render-cache";
import { DEFAULT_STEP, defaultPace, everyKth, framesOf } from "@/lib/playback/frames";
import { playbackGifSearch } from "@/lib/query/playback-download";
import type { Query } from "@/lib/query/query";
import type { StoreSnapshot } from "@/lib/data/store";
import type { Range } from "@/lib/timeline/scrub-outcome";
import { smallPreview } from "./preview-cache";

/** A playback's GIF: each frame the view's preview, drawn at a modest size. */
export const GIF_SIZE = { width: 600, height: 315 } as const;
/** At most this many frames (a monthly playback has ~140): above it, every k-th (playbackPlan). */
export const MAX_GIF_FRAMES = 48;

/** A playback's GIF, named by the data version and the parameters it depends on (lib/query/playback-download.ts). */
export function playbackKey(query: Query, store: StoreSnapshot) {
  const key = `${store.version}${playbackGifSearch(query)}`;
  const etag = `"gif-${createHash("sha256").update(key).digest("base64url").slice(0, 22)}"`;
  return { key, etag };
}

export interface PlaybackPlan {
  /** The windows drawn, in order: the frames, or the whole span once when no event matches. */
  frames: Range[];
  /** The player's frame count, and how many of them each frame drawn stands for. */
  total: number;
  every: number;
  /** Ms each frame is shown: the playback's pace, times `every`, so the GIF lasts as the playback does. */
  delay: number;
}

/** The player's frames for this view (over the span of every filter but time), at most MAX_GIF_FRAMES of them. */
export async function playbackPlan(query: Query, store: StoreSnapshot): Promise<PlaybackPlan> {
  const { extent } = await store.timeline({ ...query, from: null, to: null });
  const all: Range[] = extent ? framesOf(extent, query.play ?? DEFAULT_STEP, query.grow) : [{ from: null, to: null }];
  const { frames, every } = everyKth(all, MAX_GIF_FRAMES);
  return { frames, total: all.length, every, delay: (query.pace ?? defaultPace(all.length)) * every };
}

interface Context {
  query: Query;
  store: StoreSnapshot;
  plan: PlaybackPlan;
}

/** Draws the frames one by one (through the previews' limiter) and encodes them; stops once every client has left. */
async function render({ query, store, plan }: Context, signal: AbortSignal): Promise<Uint8Array> {
  const gif = animatedGif();
  for (const window of plan.frames) {
    signal.throwIfAborted();
    gif.addPng(await smallPreview({ ...query, ...window }, store, GIF_SIZE, signal), plan.delay);
  }
  return gif.finish();
}

// One GIF assembled at a time (its frames take turns with link previews), 8 waiting, 32 MB of GIFs kept.
export const playbackGifs = createRenderCache({ render, concurrency: 1, maxQueued: 8, maxBytes: 32 * 1024 * 1024 });
