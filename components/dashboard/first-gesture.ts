/*
 * What the inline first-gesture script (first-gesture-script.ts, in the document's head) and the page's
 * own code share. The script's source stays out of this module: the page's first scripts carry these
 * names, not a second copy of the script.
 */

/**
 * Signs that a person is at the page: any of these, anywhere, wakes the map and timeline (a click
 * without a pointer event is how assistive technologies press things).
 */
export const GESTURES = ["pointerdown", "pointermove", "keydown", "touchstart", "wheel", "focusin", "click"] as const;

/** Set on `<html>` by the first gesture, whether or not React has hydrated yet. */
export const WOKEN_ATTRIBUTE = "data-woken";

/** Where the script leaves a drag begun on the still timeline preview, for the live timeline to take over. */
export const EARLY_DRAG_KEY = "__earlyTimelineDrag";

/** A drag on the still timeline preview, in client pixels, as the inline script saw it. */
export interface EarlyDrag {
  pointerId: number;
  x0: number;
  y0: number;
  x: number;
  y: number;
  /** The width of the preview's tracks: the whole window's span in pixels. */
  width: number;
  /** The pointer has been lifted. */
  done: boolean;
}
