import { createSerializer } from "nuqs/server";
import { DEFAULT_STEP } from "../playback/frames";
import { exportFilename, viewSlug } from "./export-formats";
import { parsersIn, queryParsers, type Query } from "./query";

/*
 * A playback as an animated GIF (`/og/playback.gif`, app/og/playback.gif): its own module, not
 * endpoints.ts, so that only the player (loaded on first use) and the route carry it, never the
 * first page's scripts.
 */

const { lang, play, grow, pace } = queryParsers;

/**
 * What a playback's GIF is a function of: every filter but time (the frames cover the filtered
 * events' whole span, whichever frame is shown: the "scrub" scope), the words' language, and the
 * playback's step, mode and pace. The frame shown (`from`/`to`) is not one: one file per playback.
 */
const serialize = createSerializer({ ...parsersIn("scrub"), lang, play, grow, pace });

/** `/og/playback.gif?city=shanghai&play=3m&grow=1`: the download link the player offers. */
export const playbackGifHref = (query: Query) => serialize("/og/playback.gif", query);

/** `?city=shanghai&play=3m&grow=1`: the normalized query the route caches a GIF under. */
export const playbackGifSearch = (query: Query) => serialize(query);

/** `china-unesco-education-events-city-shanghai_playback-3m-grow.gif`: named like the exports. */
export function playbackGifFilename(query: Query): string {
  const playback = `playback-${query.play ?? DEFAULT_STEP}${query.grow ? "-grow" : ""}`;
  return exportFilename("gif", [viewSlug({ ...query, from: null, to: null }), playback].filter(Boolean).join("_"));
}
