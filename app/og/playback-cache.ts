import { createHash } from "node:crypto";
import { animatedGif } from "@/lib/og/gif";
import { createRenderCache } from "@/lib/og/render-cache";
import { webmVideo } from "@/lib/og/webm";
import { DEFAULT_STEP, defaultPace, everyKth, framesOf } from "@/lib/playback/frames";
import { playbackSearch, type PlaybackFormat } from "@/lib/query/playback-download";
import type { Query } from "@/lib/query/query";
import type { StoreSnapshot } from "@/lib/data/store";
import type { Range } from "@/lib/timeline/scrub-outcome";
import { smallPreview } from "./preview-cache";

/** Takes a playback's frames (PNG previews, in order, each shown for `delay` ms) and gives the file. */
interface FrameEncoder {
  addPng(png: Uint8Array, delay: number): void;
  finish(): Uint8Array | Promise<Uint8Array>;
}

interface PlaybackFile {
  contentType: string;
  /** Each frame the view's preview, drawn at this size (the preview's shape, 1200×630, scaled). */
  size: { width: number; height: number };
  /** At most this many frames (a monthly playback has ~140): above it, every k-th (playbackPlan). */
  maxFrames: number;
  encoder: () => FrameEncoder;
}

/*
 * A frame costs a preview's drawing, ~50 ms at 600×315 and ~75 ms at 960×504 on this 2-core
 * machine (its layout costs more than its pixels), half that with two drawn at once (render), plus
 * its encoding: ~15 ms of quantizing for the GIF, on the event loop; ~30 ms of WebP for the video,
 * on libvips' threads, beside the next frame's drawing. Bounds that keep a file to a few seconds:
 * - the GIF, 48 frames of 600×315 (~11 KB a frame);
 * - the video, 72 frames of 960×504 (~16 KB a frame at WebP quality 80, a little less than a GIF of
 *   that size, without its 256 colours): a monthly playback every second month. Measured on the
 *   bundled data, loaded machine: a monthly video (69 frames) 6.3–6.7 s, its GIF (46) 2.2–2.9 s.
 */
export const PLAYBACK_FILES: Record<PlaybackFormat, PlaybackFile> = {
  gif: { contentType: "image/gif", size: { width: 600, height: 315 }, maxFrames: 48, encoder: animatedGif },
  webm: { contentType: "video/webm", size: { width: 960, height: 504 }, maxFrames: 72, encoder: webmVideo },
};

/** A playback's file, named by its format, the data version and the parameters it depends on (lib/query/playback-download.ts). */
export function playbackKey(format: PlaybackFormat, query: Query, store: StoreSnapshot) {
  const key = `${format}:${store.version}${playbackSearch(query)}`;
  const etag = `"${format}-${createHash("sha256").update(key).digest("base64url").slice(0, 22)}"`;
  return { key, etag };
}

export interface PlaybackPlan {
  /** The windows drawn, in order: the frames, or the whole span once when no event matches. */
  frames: Range[];
  /** The player's frame count, and how many of them each frame drawn stands for. */
  total: number;
  every: number;
  /** Ms each frame is shown: the playback's pace, times `every`, so the file lasts as the playback does. */
  delay: number;
}

/** The player's frames for this view (over the span of every filter but time), at most `maxFrames` of them. */
export async function playbackPlan(query: Query, store: StoreSnapshot, maxFrames: number): Promise<PlaybackPlan> {
  const { extent } = await store.timeline({ ...query, from: null, to: null });
  const all: Range[] = extent ? framesOf(extent, query.play ?? DEFAULT_STEP, query.grow) : [{ from: null, to: null }];
  const { frames, every } = everyKth(all, maxFrames);
  return { frames, total: all.length, every, delay: (query.pace ?? defaultPace(all.length)) * every };
}

interface Context {
  format: PlaybackFormat;
  query: Query;
  store: StoreSnapshot;
  plan: PlaybackPlan;
}

/**
 * Draws the frames through the previews' limiter, the next one while the current one is encoded,
 * and encodes them in order; stops once every client has left. Two frames under way take the
 * limiter's two places in turn with link previews (it is first come, first served), and draw in
 * about half the time of one at a time (measured: 91 → 45 ms a frame at 960×504).
 */
async function render({ format, query, store, plan }: Context, signal: AbortSignal): Promise<Uint8Array> {
  const { size, encoder } = PLAYBACK_FILES[format];
  const file = encoder();
  const draw = (window: Range) => {
    const png = smallPreview({ ...query, ...window }, store, size, signal);
    // A frame drawn ahead may fail after its playback was abandoned: nobody waits for it then.
    png.catch(() => {});
    return png;
  };
  let next = draw(plan.frames[0]);
  for (let i = 0; i < plan.frames.length; i++) {
    signal.throwIfAborted();
    const png = next;
    if (i + 1 < plan.frames.length) next = draw(plan.frames[i + 1]);
    file.addPng(await png, plan.delay);
  }
  return file.finish();
}

// One file assembled at a time, whatever its format (its frames take turns with link previews), 8 waiting, 32 MB of files kept.
export const playbackFiles = createRenderCache({ render, concurrency: 1, maxQueued: 8, maxBytes: 32 * 1024 * 1024 });
