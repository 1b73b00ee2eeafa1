import { playbackRoute } from "../playback-route";

/** A playback as a WebM video (app/og/playback-route.ts). */
export const GET = playbackRoute("webm");
