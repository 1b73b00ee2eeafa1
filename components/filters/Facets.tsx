import type { Facet, FacetOption } from "@/lib/search/facets";
import { countText, fill } from "@/lib/i18n/plural";
import { isFiltered, NO_FILTERS, type ListKey, type Query } from "@/lib/query/query";
import type { UiText } from "@/lib/i18n/ui-text";
import { ViewLink } from "../dashboard/ViewContext";

const SHORT_LIST = 8;

interface Props {
  facets: Facet[];
  years: { year: string; count: number; active: boolean }[];
  query: Query;
  text: UiText;
}

/**
 * Filter controls: each value toggles in the URL (a history entry) and shows its count under the
 * other filters. Long facets show their most frequent values first, the rest behind "all N"; chosen
 * values are always shown. A server component (page.tsx renders it): only the links are client code,
 * and the "all N" disclosures are native <details>, which keep their state across views.
 */
export function Facets({ facets: groups, years, query, text }: Props) {
  const events = (n: number) => countText(text.counts.events, n, text.lang);
  // The name holds the visible words in order ("Place Shanghai — 7 events" for "Shanghai 7"), as speech-input users say them.
  const chip = (key: string, option: { label: string; count: number; active: boolean }, patch: Partial<Query>, label: string) => (
    <li key={key}>
      <ViewLink
        patch={patch}
        className={`chip${option.active ? " on" : ""}${option.count === 0 ? " zero" : ""}`}
        label={label}
        current={option.active}
      >
        {option.label} <span className="n">{option.count}</span>
      </ViewLink>
    </li>
  );
  const optionChip = (key: ListKey, title: string) => (option: FacetOption) =>
    chip(
      option.id,
      option,
      { [key]: option.active ? query[key].filter((id) => id !== option.id) : [...query[key], option.id] },
      `${title} ${option.label} — ${events(option.count)}`,
    );
  return (
    <details className="facets">
      <summary>{text.facets.summary}</summary>
      <fieldset className="facet">
        <legend>{text.facets.year}</legend>
        <ul className="chips">
          {years.map(({ year, count, active }) =>
            chip(
              year,
              { label: year, count, active },
              active ? { from: null, to: null } : { from: year, to: year },
              `${year} — ${events(count)}`,
            ),
          )}
        </ul>
      </fieldset>
      {groups.map((group) => {
        const shown = group.options.filter((option, i) => i < SHORT_LIST || option.active);
        const rest = group.options.filter((option, i) => i >= SHORT_LIST && !option.active);
        return (
          <fieldset className="facet" key={group.key} data-facet={group.key}>
            <legend>{group.title}</legend>
            <ul className="chips">{shown.map(optionChip(group.key, group.title))}</ul>
            {rest.length > 0 ? (
              <details className="more-options">
                <summary className="chip more">
                  <span className="if-closed">{fill(text.facets.all, { count: group.options.length })}</span>
                  <span className="if-open">{text.facets.fewer}</span>
                </summary>
                <ul className="chips">{rest.map(optionChip(group.key, group.title))}</ul>
              </details>
            ) : null}
          </fieldset>
        );
      })}
      {isFiltered(query) ? (
        <ViewLink patch={NO_FILTERS} className="button">
          {text.facets.clearAll}
        </ViewLink>
      ) : null}
    </details>
  );
}
