/**
 * Playback's settings and limits, apart from the frames' logic: the URL's declaration (lib/query) and
 * the URL writer (useView) load with the page's first scripts and need these, not the frames.
 */

/** The steps a player moves by, as the URL's `play` writes them: a year, a quarter, a month. */
export const PLAY_STEPS = ["1y", "3m", "1m"] as const;
export type PlayStep = (typeof PLAY_STEPS)[number];

/** The slowest and fastest a player goes by itself, in ms per frame; the URL's `pace` is kept within. */
export const PACE_LIMITS = { min: 100, max: 10_000 } as const;
/** While playing, the URL is written at most once per this many ms (4 a second; Safari throttles more). */
export const URL_WRITE_MS = 250;
/** A screen reader hears the frame at most once per this many ms, not once per frame. */
export const ANNOUNCE_MS = 2000;
