"use client";
import { useEffect, useState } from "react";
import { useViewContext } from "./ViewContext";

/** Bound to `q`: results follow each keystroke, and the URL is replaced rather than given an entry per key. */
export function SearchBox() {
  const { query, setView } = useViewContext();
  const [text, setText] = useState(query.q);
  // Follow the URL when it changes elsewhere (Back, a cleared chip).
  useEffect(() => setText((current) => (current.trim() === query.q ? current : query.q)), [query.q]);
  return (
    <form className="search" role="search" action="/" onSubmit={(e) => e.preventDefault()}>
      <label htmlFor="q" className="visually-hidden">Search events</label>
      <input
        id="q"
        name="q"
        type="search"
        value={text}
        placeholder="Search: Shanghai, 上海, Azoulay, STEM…"
        autoComplete="off"
        onChange={(e) => {
          setText(e.target.value);
          setView({ q: e.target.value.trim() }, "replace");
        }}
      />
    </form>
  );
}
