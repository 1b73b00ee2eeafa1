"use client";
import { useEffect, useRef, useState } from "react";
import type { YearSpan } from "@/lib/query/years-in-search";
import type { Query } from "@/lib/query/query";
import { useViewContext } from "../dashboard/ViewContext";

/** How long typing must pause before the URL (and the server's answer) follow. */
const PAUSE_MS = 400;

type Window = Pick<Query, "from" | "to">;

// The reading of years in a search loads when the reader first comes to the box (focus), not with
// every reader's first scripts; until then no text in the box can name years the URL does not.
type YearsReader = typeof import("@/lib/query/years-in-search");
let yearsReader: YearsReader | null = null;
const loadYearsReader = async () => (yearsReader ??= await import("@/lib/query/years-in-search"));

/**
 * Bound to `q`, and to the time window when the search names years ("Shanghai 2025" writes
 * q=Shanghai&from=2025&to=2025, by the same rule the server reads a typed URL with). A search is one
 * history entry: the first pause in typing pushes it, later pauses while the box keeps focus refine
 * that same entry, so Back returns to the view before the search (not to "beiji" on the way to
 * "beijing"). Focusing the box again starts a new search.
 */
export function SearchBox({ dataYears }: { dataYears: YearSpan | null }) {
  const { query, setView, text: ui } = useViewContext();
  const [text, setText] = useState(query.q);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pushed = useRef(false);
  // The window before this search began: a search whose years are deleted again gives it back.
  const windowBefore = useRef<Window | null>(null);
  // Follow the URL when it changes elsewhere (Back, a cleared chip), never under the typing hand, and
  // keep the typed year while the window is the one it names.
  useEffect(() => {
    if (!pending.current && !yearsReader?.searchSays(text, query, dataYears)) setText(query.q);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the text is the reader's: only a new URL may replace it
  }, [query.q, query.from, query.to]);
  useEffect(() => () => clearTimeout(pending.current ?? undefined), []);

  const write = async (typed: string) => {
    pending.current = null;
    windowBefore.current ??= { from: query.from, to: query.to };
    const { searchPatch } = await loadYearsReader();
    setView(searchPatch(typed, windowBefore.current, dataYears), pushed.current ? "replace" : "push");
    pushed.current = true;
  };
  return (
    <form
      className="search"
      role="search"
      action="/"
      onSubmit={(e) => {
        e.preventDefault();
        // Enter writes at once what a pause would have written.
        if (pending.current) {
          clearTimeout(pending.current);
          void write(text);
        }
      }}
    >
      <label htmlFor="q" className="visually-hidden">
        {ui.search.label}
      </label>
      <input
        id="q"
        name="q"
        type="search"
        value={text}
        placeholder={ui.search.placeholder}
        title={ui.search.hint}
        aria-describedby="q-hint"
        autoComplete="off"
        onFocus={() => {
          void loadYearsReader();
          pushed.current = false;
          windowBefore.current = null;
        }}
        onChange={(e) => {
          const typed = e.target.value;
          setText(typed);
          clearTimeout(pending.current ?? undefined);
          pending.current = setTimeout(() => void write(typed), PAUSE_MS);
        }}
      />
      <span id="q-hint" className="visually-hidden">
        {ui.search.hint}
      </span>
    </form>
  );
}
