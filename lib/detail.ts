import type { DatasetIndex, IndexedEvent } from "./dataset";
import { formatSpan } from "./dates";
import { categoryLabel, figureLabel, placeLabel } from "./labels";
import { precisionOf } from "./time-window";

/** Everything the detail panel shows about one event, as text written on the server. */
export interface EventDetailModel {
  id: string;
  title: string;
  titleZh?: string;
  date: string;
  /** "known to the month", or null for a day. */
  precisionNote: string | null;
  where: string;
  /** For the map: the pin to highlight. */
  placeId: string | null;
  placeZh?: string;
  placeNote: string;
  category: string;
  organizations: string[];
  people: string[];
  figures: { label: string; value: string }[];
  summary: string;
  sources: { quote: string; document: string }[];
}

const PRECISION_NOTE = { year: "known to the year", month: "known to the month", day: null } as const;

export function eventDetail(e: IndexedEvent, index: DatasetIndex): EventDetailModel {
  const place = e.place ? index.placeById.get(e.place) : undefined;
  return {
    id: e.id,
    title: e.title,
    ...(e.titleZh ? { titleZh: e.titleZh } : {}),
    date: formatSpan(e.start, e.end),
    precisionNote: PRECISION_NOTE[precisionOf(e.start)],
    where: placeLabel(e, index),
    placeId: place?.id ?? null,
    ...(place ? { placeZh: place.nameZh } : {}),
    placeNote: !place
      ? "not on the map"
      : e.placeCertainty === "stated"
        ? "stated in the source"
        : "inferred: well established, not stated in the source",
    category: categoryLabel(e, index),
    organizations: e.organizations.map((id) => index.orgById.get(id)?.name ?? id),
    people: e.people ?? [],
    figures: Object.entries(e.figures ?? {}).map(([key, value]) => ({ label: figureLabel(key), value: value.toLocaleString("en") })),
    summary: e.summary,
    sources: e.sources.map(({ quote, document }) => ({ quote, document })),
  };
}
