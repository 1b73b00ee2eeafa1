import { useEffect, useEffectEvent, useRef } from "react";
import type { Query } from "@/lib/query/query";
import type { refreshBackLink } from "./back-links";

/**
 * Keeps the view carried by links to pages about the data as current as the URL (see back-links.ts),
 * just before a link is used: a press of any button (a click, a new tab, the context menu's "copy
 * link"), a keyboard activation, or the context-menu key. The rewriting code loads after the page:
 * until it has, the links carry the view the server wrote, which only a map pan (after the map has
 * loaded, later still) can make stale.
 */
export function useFreshBackLinks(query: Query): void {
  const rewrite = useRef<typeof refreshBackLink | null>(null);
  const refresh = useEffectEvent((e: Event) => rewrite.current?.(e.target, query));
  useEffect(() => {
    void import("./back-links").then((m) => (rewrite.current = m.refreshBackLink));
    const events = ["pointerdown", "click", "contextmenu"] as const;
    const listener = (e: Event) => refresh(e);
    for (const type of events) document.addEventListener(type, listener, { capture: true });
    return () => {
      for (const type of events) document.removeEventListener(type, listener, { capture: true });
    };
  }, []);
}
