"use client";
import { countryName, describeWindow } from "@/lib/describe";
import { isFiltered, LIST_KEYS, NO_FILTERS, type ListKey } from "@/lib/query";
import { useViewContext, ViewLink } from "./ViewContext";

const LABEL: Record<ListKey, string> = { city: "Place", country: "Country", category: "Category", org: "Organization" };

/** One chip per active filter value, each a link that removes just that value. */
export function ActiveFilters() {
  const { index, query } = useViewContext();
  if (!isFiltered(query)) return null;
  const nameOf: Record<ListKey, (id: string) => string> = {
    city: (id) => index.placeById.get(id)?.name ?? id,
    country: countryName,
    category: (id) => index.categoryById.get(id)?.name ?? id,
    org: (id) => index.orgById.get(id)?.name ?? id,
  };
  const window = describeWindow(query.from, query.to);
  return (
    <nav className="active-filters" aria-label="Active filters">
      <ul>
        {window ? (
          <li>
            <ViewLink patch={{ from: null, to: null }} label={`Remove time filter ${window}`}>
              Time: {window} <span aria-hidden>×</span>
            </ViewLink>
          </li>
        ) : null}
        {LIST_KEYS.flatMap((key) =>
          query[key].map((id) => (
            <li key={`${key}:${id}`}>
              <ViewLink patch={{ [key]: query[key].filter((v) => v !== id) }} label={`Remove ${LABEL[key].toLowerCase()} filter ${nameOf[key](id)}`}>
                {LABEL[key]}: {nameOf[key](id)} <span aria-hidden>×</span>
              </ViewLink>
            </li>
          )),
        )}
        {query.q ? (
          <li>
            <ViewLink patch={{ q: "" }} label={`Remove search ${query.q}`}>
              Search: “{query.q}” <span aria-hidden>×</span>
            </ViewLink>
          </li>
        ) : null}
        <li>
          <ViewLink patch={NO_FILTERS} className="clear-all">Clear all</ViewLink>
        </li>
      </ul>
    </nav>
  );
}
