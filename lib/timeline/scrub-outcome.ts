import type { TimeWindow } from "../core/time-window";

/**
 * What a finished drag, zoom or key press on the timeline means for the URL. A gesture that leaves
 * the view as it was must not add a filter: a one-pixel wobble, or a window that still holds every
 * event (a fully zoomed-out timeline shows everything, which is no time filter at all).
 */
export type ScrubOutcome = { kind: "unchanged" } | { kind: "everything" } | { kind: "window"; window: TimeWindow };

/** Below this share of the window's length, a move is a wobble of the hand, not a choice. */
export const NEGLIGIBLE_SHARE = 0.005;

export function scrubOutcome(before: TimeWindow, after: TimeWindow, extent: TimeWindow | null): ScrubOutcome {
  const length = Math.max(before.endMs - before.startMs, 1);
  const moved = Math.max(Math.abs(after.startMs - before.startMs), Math.abs(after.endMs - before.endMs));
  if (moved < length * NEGLIGIBLE_SHARE) return { kind: "unchanged" };
  if (extent && after.startMs <= extent.startMs && after.endMs >= extent.endMs) return { kind: "everything" };
  return { kind: "window", window: after };
}
