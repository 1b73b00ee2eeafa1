import { createSerializer } from "nuqs/server";
import { DEFAULT_STEP } from "../playback/frames";
import { exportFilename, viewSlug } from "./export-formats";
import { parsersIn, queryParsers, type Query } from "./query";

/*
 * A playback as a file the server draws (`/og/playback.gif`, `/og/playback.webm`: app/og/playback-route.ts):
 * its own module, not endpoints.ts, so that only the player (loaded on first use) and the routes carry
 * it, never the first page's scripts.
 */

/** The files a playback downloads as, each its route's extension: an animated GIF or a WebM video. */
export type PlaybackFormat = "gif" | "webm";

const { lang, play, grow, pace } = queryParsers;

/**
 * What a playback's file is a function of: every filter but time (the frames cover the filtered
 * events' whole span, whichever frame is shown: the "scrub" scope), the words' language, and the
 * playback's step, mode and pace. The frame shown (`from`/`to`) is not one: one file per playback.
 */
const serialize = createSerializer({ ...parsersIn("scrub"), lang, play, grow, pace });

/** `/og/playback.gif?city=shanghai&play=3m&grow=1`: a download link the player offers. */
export const playbackHref = (query: Query, format: PlaybackFormat) => serialize(`/og/playback.${format}`, query);

/** `?city=shanghai&play=3m&grow=1`: the normalized query the routes cache a playback's file under. */
export const playbackSearch = (query: Query) => serialize(query);

/** `china-unesco-education-events-city-shanghai_playback-3m-grow.gif`: named like the exports. */
export function playbackFilename(query: Query, format: PlaybackFormat): string {
  const playback = `playback-${query.play ?? DEFAULT_STEP}${query.grow ? "-grow" : ""}`;
  return exportFilename(format, [viewSlug({ ...query, from: null, to: null }), playback].filter(Boolean).join("_"));
}
