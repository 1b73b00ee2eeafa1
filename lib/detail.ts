import type { DatasetIndex, IndexedEvent } from "./dataset";
import { formatSpan } from "./dates";
import { CERTAINTY_NOTE_EN, dateCertaintyOf } from "./certainty";
import { figureTexts } from "./figures";
import { categoryLabel, placeLabel } from "./labels";
import { documentTitle, quoteLink } from "./sources";
import { precisionOf } from "./time-window";

/** Everything the detail panel shows about one event, as text written on the server. */
export interface EventDetailModel {
  id: string;
  title: string;
  titleZh?: string;
  date: string;
  /** "known to the month", or null for a day. */
  precisionNote: string | null;
  /** Set when the year is inferred from the document's context rather than stated. */
  dateNote: string | null;
  where: string;
  /** For the map: the pin to highlight. */
  placeId: string | null;
  placeZh?: string;
  placeNote: string;
  category: string;
  organizations: string[];
  people: string[];
  /** "about 2,600 foreign experts" */
  figures: string[];
  summary: string;
  /** Each quote with its document's title and, where the document is in the repository, a link to the passage. */
  sources: { quote: string; document: string; href: string | null }[];
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
    dateNote: dateCertaintyOf(e) === "inferred" ? CERTAINTY_NOTE_EN.date.inferred : null,
    where: placeLabel(e, index),
    placeId: place?.id ?? null,
    ...(place ? { placeZh: place.nameZh } : {}),
    placeNote: !place
      ? "not on the map"
      : CERTAINTY_NOTE_EN.place[e.placeCertainty ?? "stated"],
    category: categoryLabel(e, index),
    organizations: e.organizations.map((id) => index.orgById.get(id)?.name ?? id),
    people: e.people ?? [],
    figures: figureTexts(e.figures),
    summary: e.summary,
    sources: e.sources.map(({ quote, document }, i) => ({
      quote,
      document: documentTitle(index, document),
      href: quoteLink(index, e, i)?.href ?? null,
    })),
  };
}
