"use client";
import { useEffect, useRef, useState } from "react";
import { useViewContext } from "../dashboard/ViewContext";

/** How long typing must pause before the URL (and the server's answer) follow. */
const PAUSE_MS = 400;

/**
 * Bound to `q`. A search is one history entry: the first pause in typing pushes it, later pauses
 * while the box keeps focus refine that same entry, so Back returns to the view before the search
 * (not to "beiji" on the way to "beijing"). Focusing the box again starts a new search.
 */
export function SearchBox() {
  const { query, setView, text: ui } = useViewContext();
  const [text, setText] = useState(query.q);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pushed = useRef(false);
  // Follow the URL when it changes elsewhere (Back, a cleared chip), never under the typing hand.
  useEffect(() => {
    if (!pending.current) setText(query.q);
  }, [query.q]);
  useEffect(() => () => clearTimeout(pending.current ?? undefined), []);
  return (
    <form className="search" role="search" action="/" onSubmit={(e) => e.preventDefault()}>
      <label htmlFor="q" className="visually-hidden">
        {ui.search.label}
      </label>
      <input
        id="q"
        name="q"
        type="search"
        value={text}
        placeholder={ui.search.placeholder}
        autoComplete="off"
        onFocus={() => (pushed.current = false)}
        onChange={(e) => {
          const q = e.target.value;
          setText(q);
          clearTimeout(pending.current ?? undefined);
          pending.current = setTimeout(() => {
            pending.current = null;
            setView({ q: q.trim() }, pushed.current ? "replace" : "push");
            pushed.current = true;
          }, PAUSE_MS);
        }}
      />
    </form>
  );
}
