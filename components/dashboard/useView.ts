"use client";
import { useQueryStates } from "nuqs";
import { useCallback, useMemo, useTransition } from "react";
import { cleared, queryParsers, serializeQuery, type Query } from "@/lib/query/query";

/**
 * How a change reaches the URL. "push": a discrete choice Back undoes. "replace": the end of a
 * drag, or a search refined (see SearchBox). "pan": the map's viewport, which changes nothing the
 * server computes, so it stays in the browser (shallow).
 */
export type ChangeKind = "push" | "replace" | "pan";
export type SetView = (patch: Partial<Query>, how?: ChangeKind) => void;

/**
 * The view as the URL holds it. The server has already parsed and checked the URL (`serverQuery`),
 * setting aside what it could not use (`ignored`); a change goes to the URL through the one query
 * model, without what was set aside, and the server computes the new view. Only the map's viewport
 * is read live from the URL, as panning never asks the server.
 */
export function useView(serverQuery: Query, ignored: Partial<Query> = {}) {
  const [pending, startTransition] = useTransition();
  const [url, setUrl] = useQueryStates(queryParsers, { shallow: false, scroll: false, startTransition });
  const query = useMemo(() => ({ ...serverQuery, map: url.map }), [serverQuery, url.map]);
  const setView = useCallback<SetView>(
    (patch, how = "push") => {
      if (how === "pan") return void setUrl(patch, { history: "replace", shallow: true });
      // Onto the URL as nuqs holds it now (clicks the server has not answered yet included).
      void setUrl((latest) => ({ ...cleared(latest, ignored, serverQuery), ...patch }), { history: how });
    },
    [setUrl, ignored, serverQuery],
  );
  const hrefFor = useCallback((patch: Partial<Query>) => serializeQuery({ ...query, ...patch }) || "?", [query]);
  return { query, setView, hrefFor, pending };
}
