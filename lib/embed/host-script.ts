import { MAX_HEIGHT, MESSAGE_TYPES, PROTOCOL_VERSION } from "./protocol";

/**
 * The host page's side of the protocol (served as `/embed.js`): it fits every embedded view's iframe
 * to the height the frame reports, and re-announces the frame's view as a DOM event on the iframe
 * (`edu-coop-timeline:view`, `detail.url`), so the host can keep its own link in step without
 * speaking `postMessage` itself.
 *
 * A sandboxed frame's messages come from the origin "null", so the script trusts a message by its
 * source instead: only a frame of an iframe whose `src` is on the site that served this script.
 * It is written as a function and sent as its source text, so it runs with no bundler and no imports.
 */
function fitEmbeddedViews(types: { height: string; view: string }, version: number, maxHeight: number) {
  const script = document.currentScript as HTMLScriptElement | null;
  const site = script ? new URL(script.src).origin : location.origin;
  const frameOf = (source: MessageEventSource | null) => {
    for (const frame of Array.from(document.getElementsByTagName("iframe"))) {
      if (frame.contentWindow !== source) continue;
      try {
        return new URL(frame.src, location.href).origin === site ? frame : null;
      } catch {
        return null;
      }
    }
    return null;
  };
  window.addEventListener("message", (event) => {
    const data = event.data as { type?: unknown; v?: unknown; height?: unknown; url?: unknown } | null;
    if (!data || typeof data !== "object" || data.v !== version) return;
    const frame = frameOf(event.source);
    if (!frame) return;
    if (data.type === types.height && typeof data.height === "number" && data.height >= 0 && data.height <= maxHeight) {
      frame.style.height = `${Math.ceil(data.height)}px`;
      frame.height = String(Math.ceil(data.height));
    } else if (data.type === types.view && typeof data.url === "string") {
      frame.dispatchEvent(new CustomEvent(types.view, { detail: { url: data.url } }));
    }
  });
}

export const HOST_SCRIPT = `(${fitEmbeddedViews.toString()})(${JSON.stringify({ height: MESSAGE_TYPES.height, view: MESSAGE_TYPES.view })},${PROTOCOL_VERSION},${MAX_HEIGHT});\n`;
