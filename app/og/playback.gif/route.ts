import { playbackRoute } from "../playback-route";

/** A playback as an animated GIF (app/og/playback-route.ts). */
export const GET = playbackRoute("gif");
