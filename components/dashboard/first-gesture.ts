/**
 * Signs that a person is at the page: any of these, anywhere, wakes the map and timeline (a click
 * without a pointer event is how assistive technologies press things).
 */
export const GESTURES = ["pointerdown", "pointermove", "keydown", "touchstart", "wheel", "focusin", "click"] as const;

/** Set on `<html>` by the first gesture, whether or not React has hydrated yet. */
export const WOKEN_ATTRIBUTE = "data-woken";

/**
 * Runs as an inline script in the document's head, before any of the page's JavaScript: a reader's
 * first movement often comes while the page is still hydrating, when React's listeners do not exist
 * yet. Without this the movement was lost and the live map waited for a second one.
 */
function listenForFirstGesture(gestures: readonly string[], attribute: string) {
  const options = { capture: true, passive: true };
  const wake = () => {
    document.documentElement.setAttribute(attribute, "");
    for (const type of gestures) window.removeEventListener(type, wake, options);
  };
  for (const type of gestures) window.addEventListener(type, wake, options);
}

export const FIRST_GESTURE_SCRIPT = `(${listenForFirstGesture.toString()})(${JSON.stringify(GESTURES)},${JSON.stringify(WOKEN_ATTRIBUTE)})`;
