import { useEffect, useEffectEvent } from "react";
import type { Query } from "@/lib/query/query";
import { refreshBackLink } from "./back-links";

/**
 * Keeps the view carried by links to pages about the data as current as the URL (see back-links.ts),
 * just before a link is used: a press of any button (a click, a new tab, the context menu's "copy
 * link"), a keyboard activation, or the context-menu key.
 */
export function useFreshBackLinks(query: Query): void {
  const refresh = useEffectEvent((e: Event) => refreshBackLink(e.target, query));
  useEffect(() => {
    const events = ["pointerdown", "click", "contextmenu"] as const;
    const listener = (e: Event) => refresh(e);
    for (const type of events) document.addEventListener(type, listener, { capture: true });
    return () => {
      for (const type of events) document.removeEventListener(type, listener, { capture: true });
    };
  }, []);
}
