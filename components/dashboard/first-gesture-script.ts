import "server-only";
import { EARLY_DRAG_KEY, GESTURES, WOKEN_ATTRIBUTE, type EarlyDrag } from "./first-gesture";

/**
 * Runs as an inline script in the document's head, before any of the page's JavaScript: a reader's
 * first movement often comes while the page is still hydrating, when React's listeners do not exist
 * yet. Without this the movement was lost and the live map waited for a second one.
 *
 * A drag that starts on the still timeline preview is followed too: the preview slides with the hand
 * (`--tl-drag`), and the drag is left in `window[dragKey]`, where the live timeline, once loaded,
 * takes it over (takeEarlyDrag) — so the first drag on the page is never a drag that did nothing.
 */
function listenForFirstGesture(gestures: readonly string[], attribute: string, dragKey: string) {
  const options = { capture: true, passive: true };
  const wake = () => {
    document.documentElement.setAttribute(attribute, "");
    for (const type of gestures) window.removeEventListener(type, wake, options);
  };
  for (const type of gestures) window.addEventListener(type, wake, options);

  const w = window as unknown as Record<string, EarlyDrag | undefined>;
  const preview = () => document.querySelector<HTMLElement>(".tl-preview");
  const onDown = (e: PointerEvent) => {
    const target = e.target instanceof Element ? e.target.closest(".tl-preview") : null;
    const track = target?.querySelector(".tl-preview__track");
    if (!track || w[dragKey] || e.button > 0) return;
    w[dragKey] = {
      pointerId: e.pointerId,
      x0: e.clientX,
      y0: e.clientY,
      x: e.clientX,
      y: e.clientY,
      width: track.clientWidth,
      done: false,
    };
  };
  const onMove = (e: PointerEvent) => {
    const drag = w[dragKey];
    if (!drag || drag.done || e.pointerId !== drag.pointerId) return;
    drag.x = e.clientX;
    drag.y = e.clientY;
    preview()?.style.setProperty("--tl-drag", `${drag.x - drag.x0}px`);
  };
  const onUp = (e: PointerEvent) => {
    const drag = w[dragKey];
    if (!drag || e.pointerId !== drag.pointerId) return;
    drag.done = true;
    window.removeEventListener("pointerdown", onDown, options);
    window.removeEventListener("pointermove", onMove, options);
    window.removeEventListener("pointerup", onUp, options);
    window.removeEventListener("pointercancel", onUp, options);
  };
  window.addEventListener("pointerdown", onDown, options);
  window.addEventListener("pointermove", onMove, options);
  window.addEventListener("pointerup", onUp, options);
  window.addEventListener("pointercancel", onUp, options);
}

export const FIRST_GESTURE_SCRIPT = `(${listenForFirstGesture.toString()})(${JSON.stringify(GESTURES)},${JSON.stringify(WOKEN_ATTRIBUTE)},${JSON.stringify(EARLY_DRAG_KEY)})`;
