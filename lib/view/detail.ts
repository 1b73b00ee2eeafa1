import "server-only";
import type { IndexedEvent, Names, StoredEvent } from "../data/dataset";
import { byDate } from "../core/date-order";
import { formatSpan } from "../core/dates";
import { CERTAINTY_NOTE_KEY, inferredDateParts, placeCertaintyOf } from "../sources/certainty";
import { figureTexts } from "./figures";
import { translator } from "../i18n/translator";
import { LANG_TAGS, nameById, type Lang } from "../i18n/lang";
import { categoryLabel, placeLabel, titlesOf } from "./labels";
import { documentTitle, quoteLink } from "../sources/sources";
import { eventPrecision } from "../core/time-window";
import { withoutFilter, type FilterKey, type Query } from "../query/query";

/** Everything the detail panel shows about one event, as text written on the server in the reader's language. */
export interface EventDetailModel {
  id: string;
  /** In the reader's language. */
  title: string;
  /** The title in the other language, shown under it. */
  altTitle?: string;
  /** Where the Chinese title comes from: "Chinese title as given in the source" / "…translated by this project". */
  titleZhNote?: string;
  date: string;
  /** "known to the month", or null for a day. */
  precisionNote: string | null;
  /** Set when part of the date is inferred from the document's context, naming the part: "day inferred from …". */
  dateNote: string | null;
  where: string;
  /** For the map: the pin to highlight. */
  placeId: string | null;
  /** The place's name in the other language. */
  placeAlt?: string;
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

/**
 * Where the selected event stands among the events the view matches, in date order (the list's
 * order): the targets of Previous/Next and "3 of 12". An event selected outside the matches (a link
 * kept after a filter changed) steps to its neighbours by date and has no position.
 */
export interface DetailSteps {
  previous: string | null;
  next: string | null;
  position: string | null;
}

/** Where `e` stands among `matching` (in the store's order, `byDate`): ids and a 1-based position, null outside. */
export function neighboursAmong(
  matching: readonly IndexedEvent[],
  e: IndexedEvent,
): { previous: string | null; next: string | null; position: number | null } {
  const at = matching.indexOf(e);
  const after = at >= 0 ? at + 1 : matching.findIndex((m) => byDate(m, e) > 0);
  const nextAt = after === -1 ? matching.length : after;
  const previousAt = at >= 0 ? at - 1 : nextAt - 1;
  return { previous: matching[previousAt]?.id ?? null, next: matching[nextAt]?.id ?? null, position: at >= 0 ? at + 1 : null };
}

/** The detail's steps in words: "3 of 12" for an event among the view's `matched` events. */
export function stepsOf(
  { previous, next, position }: { previous: string | null; next: string | null; position: number | null },
  matched: number,
  lang: Lang = "en",
): DetailSteps {
  return {
    previous,
    next,
    position: position !== null ? translator(lang)("detail.position", { position, count: matched }) : null,
  };
}

/** `matching` is in the store's order, `byDate`. */
export function detailSteps(matching: readonly IndexedEvent[], e: IndexedEvent, lang: Lang = "en"): DetailSteps {
  return stepsOf(neighboursAmong(matching, e), matching.length, lang);
}

/**
 * Why an open event is missing from the view it is shown in, and the way to show it: the filters
 * that leave it out, named ("place and time"), and the patch that removes just those. A link kept
 * after a filter changed, or written by hand (`?city=shanghai&event=<a Shenzhen event>`), would
 * otherwise open an event the list, map and timeline silently leave out.
 */
export interface OutsideView {
  /** "This event is outside the current filter (place and time): …" */
  text: string;
  /** The button's text and its accessible name, which names the filters it removes. */
  show: string;
  showLabel: string;
  patch: Partial<Query>;
}

export function outsideView(excluding: readonly FilterKey[], lang: Lang = "en"): OutsideView | null {
  if (excluding.length === 0) return null;
  const t = translator(lang);
  const parts = new Intl.ListFormat(LANG_TAGS[lang], { type: "conjunction" }).format(
    excluding.map((key) => t(`detail.outsidePart.${key}`)),
  );
  return {
    text: t("detail.outside", { parts }),
    show: t("detail.outsideShow"),
    showLabel: t("detail.outsideShowLabel", { parts }),
    patch: Object.assign({}, ...excluding.map(withoutFilter)) as Partial<Query>,
  };
}

/**
 * "day inferred from the document's context, not stated with the date" — naming the parts inferred
 * ("year", "month and day"), or null for a stated date. The detail panel and the calendar export say it.
 */
export function dateInferredNote(e: Pick<StoredEvent, "dateCertainty" | "dateInferred">, lang: Lang = "en"): string | null {
  const parts = inferredDateParts(e);
  if (parts.length === 0) return null;
  const t = translator(lang);
  const names = new Intl.ListFormat(LANG_TAGS[lang], { type: "conjunction" }).format(parts.map((part) => t(`detail.datePart.${part}`)));
  return t(`detail.${CERTAINTY_NOTE_KEY.date.inferred}`, { parts: names });
}

const PRECISION_NOTE = { year: "knownToYear", month: "knownToMonth", day: null } as const;

export function eventDetail(e: StoredEvent, index: Names, lang: Lang = "en"): EventDetailModel {
  const t = translator(lang);
  const place = e.place ? index.placeById.get(e.place) : undefined;
  const placeCertainty = placeCertaintyOf(e);
  const precision = PRECISION_NOTE[eventPrecision(e)];
  const titleZhNote = e.titleZh ? t(e.titleZhSource === "source" ? "detail.titleFromSource" : "detail.titleTranslated") : undefined;
  return {
    id: e.id,
    ...titlesOf(e, lang),
    ...(titleZhNote ? { titleZhNote } : {}),
    date: formatSpan(e.start, e.end, lang),
    precisionNote: precision ? t(`detail.${precision}`) : null,
    dateNote: dateInferredNote(e, lang),
    where: placeLabel(e, index, lang),
    placeId: place?.id ?? null,
    ...(place ? { placeAlt: lang === "zh" ? place.name : place.nameZh } : {}),
    placeNote: place && placeCertainty ? t(`detail.${CERTAINTY_NOTE_KEY.place[placeCertainty]}`) : t("detail.notOnMap"),
    category: categoryLabel(e, index, lang),
    organizations: e.organizations.map((id) => nameById(lang, index.orgById, id)),
    people: e.people ?? [],
    figures: figureTexts(e.figures, lang),
    summary: e.summary,
    sources: e.sources.map(({ quote, document }, i) => ({
      quote,
      document: documentTitle(index, document),
      href: quoteLink(index, e, i, lang)?.href ?? null,
    })),
  };
}
