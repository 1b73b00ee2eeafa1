"use client";
import { useEffect, useEffectEvent, type RefObject } from "react";
import { heightMessage, readHostMessage, viewMessage, type FrameMessage } from "@/lib/embed/protocol";
import { embedHref, pageHref } from "@/lib/query/endpoints";
import { type Query } from "@/lib/query/query";

/**
 * The frame's side of the host protocol (lib/embed/protocol.ts): the content's height on load and on
 * every layout change, the view's canonical URL whenever it changes, and the host's `set-view` read
 * by the URL parsers and loaded like any link. Nothing is sent when the view is not in a frame.
 *
 * Messages go to any origin (`"*"`): they carry only a height and a public URL, and an embed cannot
 * know its host's origin. Only the parent frame is listened to.
 */
const isFramed = () => window.parent !== window;
const post = (message: FrameMessage) => window.parent.postMessage(message, "*");

export function useHostMessages(root: RefObject<HTMLElement | null>, query: Query) {
  // Height: the observer reports once on observing (the load) and on every change of the content's size.
  useEffect(() => {
    const element = root.current;
    if (!isFramed() || !element) return;
    let last = -1;
    const observer = new ResizeObserver(() => {
      const height = Math.ceil(element.getBoundingClientRect().height);
      if (height !== last) post(heightMessage((last = height)));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [root]);

  // The view's link on the dashboard, absolute: resolved against this page's address (the frame's
  // own origin, `window.origin`, is "null" in the sandbox; its address is still the site's).
  const canonical = pageHref(query, {});
  useEffect(() => {
    if (isFramed()) post(viewMessage(new URL(canonical, window.location.href).href));
  }, [canonical]);

  // A host's request for another view: read as a link's query, keeping this frame's parts and theme
  // unless the request names its own. Loaded as a page, as every view change in the embed is.
  const onHostMessage = useEffectEvent((event: MessageEvent) => {
    if (event.source !== window.parent) return;
    const message = readHostMessage(event.data);
    if (!message) return;
    const given = new URLSearchParams(message.query);
    // The URL parsers load with the first request: most embeds are never asked.
    void import("@/lib/query/parse").then(({ parseQuery }) => {
      const { query: asked } = parseQuery(given);
      const next = embedHref(
        { ...asked, ui: given.has("ui") ? asked.ui : query.ui, theme: given.has("theme") ? asked.theme : query.theme },
        {},
      );
      if (next !== embedHref(query, {})) window.location.assign(next);
    });
  });
  useEffect(() => {
    if (!isFramed()) return;
    const listener = (event: MessageEvent) => onHostMessage(event);
    window.addEventListener("message", listener);
    return () => window.removeEventListener("message", listener);
  }, []);
}
