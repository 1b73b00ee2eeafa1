import "server-only";
import { heightMessage } from "@/lib/embed/protocol";

/**
 * Runs as an inline script at the end of the embedded view's markup, before any of the page's
 * JavaScript: it tells the host the content's height as soon as the markup is parsed and again when
 * the page has loaded (its stylesheets applied), so a host can size the frame on the frame's own
 * load, however long hydration takes on a busy machine. Once hydrated, useHostMessages follows every
 * later change. `message` is the protocol's height message with the height left to fill.
 */
function postFirstHeight(message: Record<string, unknown>) {
  if (window.parent === window) return;
  const post = () => {
    const root = document.querySelector(".embed");
    if (root) window.parent.postMessage({ ...message, height: Math.ceil(root.getBoundingClientRect().height) }, "*");
  };
  post();
  window.addEventListener("load", post, { once: true });
}

export const FIRST_HEIGHT_SCRIPT = `(${postFirstHeight.toString()})(${JSON.stringify(heightMessage(0))})`;
