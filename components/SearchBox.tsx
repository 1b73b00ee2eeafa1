"use client";
import { useEffect, useRef, useState } from "react";
import { useViewContext } from "./ViewContext";

/** Bound to `q`: the URL (and the server's answer) follow once typing pauses, as one history entry. */
export function SearchBox() {
  const { query, setView, text: ui } = useViewContext();
  const [text, setText] = useState(query.q);
  const input = useRef<HTMLInputElement>(null);
  // Follow the URL when it changes elsewhere (Back, a cleared chip), never under the typing hand.
  useEffect(() => {
    if (document.activeElement !== input.current) setText(query.q);
  }, [query.q]);
  return (
    <form className="search" role="search" action="/" onSubmit={(e) => e.preventDefault()}>
      <label htmlFor="q" className="visually-hidden">{ui.search.label}</label>
      <input
        ref={input}
        id="q"
        name="q"
        type="search"
        value={text}
        placeholder={ui.search.placeholder}
        autoComplete="off"
        onChange={(e) => {
          setText(e.target.value);
          setView({ q: e.target.value.trim() }, "typing");
        }}
      />
    </form>
  );
}
