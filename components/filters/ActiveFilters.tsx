import { fill } from "@/lib/i18n/plural";
import { NO_FILTERS, withoutFilter, type Query } from "@/lib/query/query";
import type { UiText } from "@/lib/i18n/ui-text";
import type { FilterChip } from "@/lib/view/view-model";
import { ViewLink } from "../dashboard/ViewContext";

function removing(chip: FilterChip, query: Query): Partial<Query> {
  if (chip.key === "time" || chip.key === "q" || chip.key === "unmapped") return withoutFilter(chip.key);
  return { [chip.key]: query[chip.key].filter((v) => v !== chip.id) };
}

/**
 * One chip per active filter value, each a link that removes just that value. A server component
 * (page.tsx renders it): only the links are client code.
 */
export function ActiveFilters({ chips, query, text }: { chips: FilterChip[]; query: Query; text: UiText }) {
  if (chips.length === 0) return null;
  return (
    <nav className="active-filters" aria-label={text.chips.label}>
      <ul>
        {chips.map((chip) => (
          <li key={`${chip.key}:${chip.id ?? ""}`}>
            <ViewLink patch={removing(chip, query)} label={fill(text.chips.remove, { kind: chip.kind, value: chip.value })}>
              <span className="chip-text">{fill(text.chips.pair, { kind: chip.kind, value: chip.value })}</span> <span aria-hidden>×</span>
            </ViewLink>
          </li>
        ))}
        <li>
          <ViewLink patch={NO_FILTERS} className="clear-all">
            {text.chips.clearAll}
          </ViewLink>
        </li>
      </ul>
    </nav>
  );
}
