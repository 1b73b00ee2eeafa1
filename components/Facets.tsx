"use client";
import { useState } from "react";
import type { Facet, FacetOption } from "@/lib/facets";
import { countText, fill } from "@/lib/i18n/plural";
import { isFiltered, NO_FILTERS } from "@/lib/query";
import { useViewContext, ViewLink } from "./ViewContext";

const SHORT_LIST = 8;

/** Long facets show their most frequent values first; chosen values are always shown. */
function visibleOptions(options: FacetOption[], all: boolean): FacetOption[] {
  return all ? options : options.filter((option, i) => i < SHORT_LIST || option.active);
}

/** Filter controls: each value toggles in the URL (a history entry) and shows its count under the other filters. */
export function Facets({ facets: groups, years }: { facets: Facet[]; years: { year: string; count: number; active: boolean }[] }) {
  const { query, text } = useViewContext();
  const events = (n: number) => countText(text.counts.events, n, text.lang);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const toggle = (key: string) =>
    setExpanded((keys) => {
      const next = new Set(keys);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  return (
    <details className="facets">
      <summary>{text.facets.summary}</summary>
      <fieldset className="facet">
        <legend>{text.facets.year}</legend>
        <ul className="chips">
          {years.map(({ year, count, active }) => (
            <li key={year}>
              <ViewLink
                patch={active ? { from: null, to: null } : { from: year, to: year }}
                className={`chip${active ? " on" : ""}${count === 0 ? " zero" : ""}`}
                label={`${year} — ${events(count)}`}
                current={active}
              >
                {year} <span className="n">{count}</span>
              </ViewLink>
            </li>
          ))}
        </ul>
      </fieldset>
      {groups.map((group) => (
        <fieldset className="facet" key={group.key} data-facet={group.key}>
          <legend>{group.title}</legend>
          <ul className="chips">
            {visibleOptions(group.options, expanded.has(group.key)).map((option) => {
              const next = option.active ? query[group.key].filter((id) => id !== option.id) : [...query[group.key], option.id];
              return (
                <li key={option.id}>
                  <ViewLink
                    patch={{ [group.key]: next }}
                    className={`chip${option.active ? " on" : ""}${option.count === 0 ? " zero" : ""}`}
                    label={`${group.title} ${option.label} — ${events(option.count)}`}
                    current={option.active}
                  >
                    {option.label} <span className="n">{option.count}</span>
                  </ViewLink>
                </li>
              );
            })}
            {group.options.length > SHORT_LIST ? (
              <li>
                <button type="button" className="chip more" aria-expanded={expanded.has(group.key)} onClick={() => toggle(group.key)}>
                  {expanded.has(group.key) ? text.facets.fewer : fill(text.facets.all, { count: group.options.length })}
                </button>
              </li>
            ) : null}
          </ul>
        </fieldset>
      ))}
      {isFiltered(query) ? (
        <ViewLink patch={NO_FILTERS} className="button">{text.facets.clearAll}</ViewLink>
      ) : null}
    </details>
  );
}
