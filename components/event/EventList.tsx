"use client";
import { useState } from "react";
import { fill, formatCount } from "@/lib/i18n/plural";
import { rowsHref } from "@/lib/query/endpoints";
import { NO_FILTERS, searchFor } from "@/lib/query/query";
import type { EventRow } from "@/lib/view/rows";
import type { SearchSuggestion } from "@/lib/view/view-model";
import { useViewContext, ViewLink } from "../dashboard/ViewContext";

interface Props {
  /** The first page of matching events, from the server (or, during a drag, from the timeline's rows). */
  rows: EventRow[];
  /** Where the server's first page ends (the store's cursor); null when it holds every match. */
  next: string | null;
  matched: number;
  suggestion: SearchSuggestion | null;
  /** During a drag: "live" rows follow the window; "stale" rows are the last view's (too many events to list live). */
  dragging: "live" | "stale" | null;
}

/** The accessible, printable list of matching events, in date order; further pages load on request. */
export function EventList({ rows, next, matched, suggestion, dragging }: Props) {
  const { query, text, highlighted } = useViewContext();
  // The selected event, and the events a guided tour's step is about.
  const rowClass = (id: string) => [id === query.event && "selected", highlighted?.has(id) && "in-tour"].filter(Boolean).join(" ");
  // Pages loaded after the server's first one, for the view they were loaded for (`key`).
  // (None at first: the unfiltered view's key is "" too.)
  const [more, setMore] = useState<{ key: string | null; rows: EventRow[]; next: string | null }>({ key: null, rows: [], next: null });
  const [loading, setLoading] = useState<"idle" | "loading" | "failed">("idle");
  const key = searchFor("list", query);

  if (matched === 0) {
    return (
      <section className="empty" data-testid="empty-state" id="events" tabIndex={-1}>
        <p>{text.list.empty}</p>
        {suggestion ? (
          <p>
            {suggestion.before}
            <ViewLink patch={{ q: suggestion.q }}>{suggestion.q}</ViewLink>
            {suggestion.after}
          </p>
        ) : null}
        <ViewLink patch={NO_FILTERS} className="button">
          {text.list.clearFilters}
        </ViewLink>
      </section>
    );
  }
  const stale = dragging === "stale";
  const ours = !dragging && more.key === key;
  const shown = ours ? [...rows, ...more.rows] : rows;
  const after = ours ? more.next : next;
  const loadMore = async () => {
    if (!after) return;
    setLoading("loading");
    try {
      const response = await fetch(rowsHref(query, { after }));
      if (!response.ok) throw new Error(`${response.status}`);
      const page = (await response.json()) as { rows: EventRow[]; next: string | null };
      setMore({ key, rows: [...(ours ? more.rows : []), ...page.rows], next: page.next });
      setLoading("idle");
    } catch {
      setLoading("failed");
    }
  };
  return (
    <section aria-label={text.list.label} className={stale ? "stale" : undefined} id="events" tabIndex={-1}>
      {stale ? <p className="note">{text.list.stale}</p> : null}
      <ol className="event-list" data-testid="event-list">
        {shown.map((row) => (
          <li key={row.id} data-event-id={row.id} className={rowClass(row.id) || undefined}>
            <ViewLink patch={{ event: row.id }} current={row.id === query.event}>
              <time dateTime={row.start}>{row.date}</time>
              <span className="title">{row.title}</span>
              <span className="meta">
                {row.placeInferred ? fill(text.list.inferred, { where: row.where }) : row.where} · {row.categoryName}
              </span>
            </ViewLink>
          </li>
        ))}
      </ol>
      {loading === "failed" ? (
        <p className="note" role="alert">
          {text.list.moreFailed}
        </p>
      ) : null}
      {!dragging && after && matched > shown.length ? (
        <button type="button" className="button" onClick={loadMore} disabled={loading === "loading"}>
          {loading === "loading"
            ? text.list.loading
            : fill(text.counts.showMore, {
                next: formatCount(Math.min(100, matched - shown.length), text.lang),
                rest: formatCount(matched - shown.length, text.lang),
              })}
        </button>
      ) : null}
    </section>
  );
}
