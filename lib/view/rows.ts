import "server-only";
import { placeCertaintyOf } from "../sources/certainty";
import type { Names, StoredEvent } from "../data/dataset";
import { formatSpan } from "../core/dates";
import { categoryLabel, placeLabel, titlesOf } from "./labels";
import type { Lang } from "../i18n/lang";
import { eventPrecision, type Precision } from "../core/time-window";

/**
 * One event as the list and the timeline show it: display text written on the server in the
 * reader's language (dates, names), so the browser needs neither the dataset nor the catalogues.
 */
export interface EventRow {
  id: string;
  startMs: number;
  /** Inclusive: the last millisecond of the event's last day, month or year. */
  endMs: number;
  /** The coarser precision of start and end. */
  precision: Precision;
  /** As precise as the source: "8 Jun 2016", "May 2015", "13–15 Oct 2025". */
  date: string;
  /** The start as a machine-readable partial date, for <time dateTime>. */
  start: string;
  /** In the reader's language: the Chinese title in Chinese where the data has one. */
  title: string;
  /** The title in the other language, for tooltips. */
  altTitle?: string;
  /** "Shanghai, China", "Online", "Place not stated". */
  where: string;
  placeInferred: boolean;
  category: string;
  categoryName: string;
  organizations: string[];
}

// One row object per event and language, shared by the list, the timeline and every cached view:
// React's payload sends an object once and refers back to it after, so a row the list and the
// timeline both show crosses to the browser once. Keyed by the indexed event, so a new dataset
// version starts afresh.
const rows = new WeakMap<StoredEvent, Partial<Record<Lang, EventRow>>>();

export function eventRow(e: StoredEvent, index: Names, lang: Lang = "en"): EventRow {
  let byLang = rows.get(e);
  if (!byLang) rows.set(e, (byLang = {}));
  return (byLang[lang] ??= newRow(e, index, lang));
}

function newRow(e: StoredEvent, index: Names, lang: Lang): EventRow {
  return {
    id: e.id,
    startMs: e.startMs,
    endMs: e.endMs,
    precision: eventPrecision(e),
    date: formatSpan(e.start, e.end, lang),
    start: e.start,
    ...titlesOf(e, lang),
    where: placeLabel(e, index, lang),
    placeInferred: placeCertaintyOf(e) === "inferred",
    category: e.category,
    categoryName: categoryLabel(e, index, lang),
    organizations: e.organizations,
  };
}
