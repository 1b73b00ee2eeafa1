"use client";
import { useQueryStates } from "nuqs";
import { useCallback, useMemo } from "react";
import type { DatasetIndex } from "@/lib/dataset";
import { queryParsers, sanitizeQuery, serializeQuery, type Query } from "@/lib/query";
import { vocabularyOf } from "@/lib/vocabulary";

export type SetView = (patch: Partial<Query>, how?: "push" | "replace") => void;

/**
 * The view as the URL holds it, read through the one query model. Discrete choices push a history
 * entry (Back undoes them); continuous ones (scrubbing, panning, typing) replace it. Shallow: the
 * server is not asked again, because the client filters with the same code.
 */
export function useView(index: DatasetIndex) {
  const [raw, setRaw] = useQueryStates(queryParsers, { history: "push", shallow: true, scroll: false });
  const vocabulary = vocabularyOf(index);
  const query = useMemo(() => sanitizeQuery(raw, vocabulary), [raw, vocabulary]);
  const setView = useCallback<SetView>((patch, how = "push") => void setRaw(patch, { history: how }), [setRaw]);
  const hrefFor = useCallback((patch: Partial<Query>) => serializeQuery({ ...query, ...patch }) || "?", [query]);
  return { query, setView, hrefFor };
}
