"use client";
import { NO_FILTERS, type Query } from "@/lib/query";
import type { FilterChip } from "@/lib/view-model";
import { useViewContext, ViewLink } from "./ViewContext";

function removing(chip: FilterChip, query: Query): Partial<Query> {
  if (chip.key === "time") return { from: null, to: null };
  if (chip.key === "q") return { q: "" };
  return { [chip.key]: query[chip.key].filter((v) => v !== chip.id) };
}

/** One chip per active filter value, each a link that removes just that value. */
export function ActiveFilters({ chips }: { chips: FilterChip[] }) {
  const { query } = useViewContext();
  if (chips.length === 0) return null;
  return (
    <nav className="active-filters" aria-label="Active filters">
      <ul>
        {chips.map((chip) => (
          <li key={`${chip.key}:${chip.id ?? ""}`}>
            <ViewLink patch={removing(chip, query)} label={`Remove ${chip.kind.toLowerCase()} filter ${chip.value}`}>
              {chip.kind}: {chip.value} <span aria-hidden>×</span>
            </ViewLink>
          </li>
        ))}
        <li>
          <ViewLink patch={NO_FILTERS} className="clear-all">Clear all</ViewLink>
        </li>
      </ul>
    </nav>
  );
}
