"use client";
import { useQueryStates } from "nuqs";
import { useCallback, useEffect, useMemo, useRef, useTransition } from "react";
import { throttle } from "nuqs";
import { cleared, queryParsers, serializeQuery, type Query } from "@/lib/query/query";
import { URL_WRITE_MS } from "@/lib/playback/settings";

/**
 * How a change reaches the URL. "push": a discrete choice Back undoes. "replace": the end of a
 * drag, or a search refined (see SearchBox). "pan": the map's viewport, which changes nothing the
 * server computes, so it stays in the browser (shallow). "frame": playback's frame while it plays,
 * counted in the browser: replaced in place (no history entry per frame) and written at most four
 * times a second (Safari refuses more than 100 history writes in 10 s); the pause asks the server.
 * "served-frame": the same, for when the browser cannot count frames (its scrub index has not
 * arrived, or the store sends none): the server computes each frame written.
 */
/**
 * How a new view is fetched. "router": Next's client navigation (the dashboard). "document": a whole
 * page load, for the embedded view: in a sandbox without `allow-same-origin` its origin is opaque, so
 * the router's fetch of the next view would be a cross-origin request with custom headers, which the
 * browser refuses; loading the new URL as a page needs no such permission.
 */
export type Navigation = "router" | "document";

export type ChangeKind = "push" | "replace" | "pan" | "frame" | "served-frame";
export type SetView = (patch: Partial<Query>, how?: ChangeKind) => void;

/**
 * The view as the URL holds it. The server has already parsed and checked the URL (`serverQuery`),
 * setting aside what it could not use (`ignored`); a change goes to the URL through the one query
 * model, without what was set aside, and the server computes the new view. The map's viewport and
 * the player's settings are read live from the URL: they change nothing the server computes.
 */
export function useView(serverQuery: Query, ignored: Partial<Query> = {}, navigation: Navigation = "router") {
  const [pending, startTransition] = useTransition();
  const [url, setUrl] = useQueryStates(queryParsers, { shallow: false, scroll: false, startTransition });
  const query = useMemo(
    () => ({ ...serverQuery, map: url.map, play: url.play, grow: url.grow, pace: url.pace }),
    [serverQuery, url.map, url.play, url.grow, url.pace],
  );
  // The URL as nuqs holds it, for a page load (the router's updates read it as they apply instead).
  const latestUrl = useRef(url);
  useEffect(() => {
    latestUrl.current = url;
  }, [url]);
  const setView = useCallback<SetView>(
    (patch, how = "push") => {
      if (how === "pan") return void setUrl(patch, { history: "replace", shallow: true });
      if (how === "frame") return void setUrl(patch, { history: "replace", shallow: true, limitUrlUpdates: throttle(URL_WRITE_MS) });
      if (navigation === "document") {
        const latest = latestUrl.current;
        const next = serializeQuery({ ...latest, ...cleared(latest, ignored, serverQuery), ...patch }) || "?";
        return how === "replace" ? window.location.replace(next) : window.location.assign(next);
      }
      if (how === "served-frame") return void setUrl(patch, { history: "replace", limitUrlUpdates: throttle(URL_WRITE_MS) });
      // Onto the URL as nuqs holds it now (clicks the server has not answered yet included).
      void setUrl((latest) => ({ ...cleared(latest, ignored, serverQuery), ...patch }), { history: how });
    },
    [setUrl, ignored, serverQuery, navigation],
  );
  const hrefFor = useCallback((patch: Partial<Query>) => serializeQuery({ ...query, ...patch }) || "?", [query]);
  return { query, setView, hrefFor, pending };
}
