"use client";
import { useQueryStates } from "nuqs";
import { useCallback, useMemo, useTransition } from "react";
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
export type ChangeKind = "push" | "replace" | "pan" | "frame" | "served-frame";
export type SetView = (patch: Partial<Query>, how?: ChangeKind) => void;

/**
 * The view as the URL holds it. The server has already parsed and checked the URL (`serverQuery`),
 * setting aside what it could not use (`ignored`); a change goes to the URL through the one query
 * model, without what was set aside, and the server computes the new view. The map's viewport and
 * the player's settings are read live from the URL: they change nothing the server computes.
 */
export function useView(serverQuery: Query, ignored: Partial<Query> = {}) {
  const [pending, startTransition] = useTransition();
  const [url, setUrl] = useQueryStates(queryParsers, { shallow: false, scroll: false, startTransition });
  const query = useMemo(
    () => ({ ...serverQuery, map: url.map, play: url.play, grow: url.grow, pace: url.pace }),
    [serverQuery, url.map, url.play, url.grow, url.pace],
  );
  const setView = useCallback<SetView>(
    (patch, how = "push") => {
      if (how === "pan") return void setUrl(patch, { history: "replace", shallow: true });
      if (how === "frame") return void setUrl(patch, { history: "replace", shallow: true, limitUrlUpdates: throttle(URL_WRITE_MS) });
      if (how === "served-frame") return void setUrl(patch, { history: "replace", limitUrlUpdates: throttle(URL_WRITE_MS) });
      // Onto the URL as nuqs holds it now (clicks the server has not answered yet included).
      void setUrl((latest) => ({ ...cleared(latest, ignored, serverQuery), ...patch }), { history: how });
    },
    [setUrl, ignored, serverQuery],
  );
  const hrefFor = useCallback((patch: Partial<Query>) => serializeQuery({ ...query, ...patch }) || "?", [query]);
  return { query, setView, hrefFor, pending };
}
