import type { DatasetIndex, IndexedEvent } from "./dataset";
import { formatSpan } from "./dates";
import { categoryLabel, placeLabel } from "./labels";
import type { Precision } from "./time-window";
import { precisionOf } from "./time-window";

/**
 * One event as the list and the timeline show it: display text written on the server (dates with
 * date-fns, names looked up), so the browser needs neither the dataset nor a date library.
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
  title: string;
  titleZh?: string;
  /** "Shanghai, China", "Online", "Place not stated". */
  where: string;
  placeInferred: boolean;
  category: string;
  categoryName: string;
  organizations: string[];
}

const RANK: Record<Precision, number> = { year: 0, month: 1, day: 2 };

function precisionOfEvent(e: IndexedEvent): Precision {
  const a = precisionOf(e.start);
  const b = e.end ? precisionOf(e.end) : a;
  return RANK[a] <= RANK[b] ? a : b;
}

export function eventRow(e: IndexedEvent, index: DatasetIndex): EventRow {
  return {
    id: e.id,
    startMs: e.startMs,
    endMs: e.endMs,
    precision: precisionOfEvent(e),
    date: formatSpan(e.start, e.end),
    start: e.start,
    title: e.title,
    ...(e.titleZh ? { titleZh: e.titleZh } : {}),
    where: placeLabel(e, index),
    placeInferred: Boolean(e.place) && e.placeCertainty === "inferred",
    category: e.category,
    categoryName: categoryLabel(e, index),
    organizations: e.organizations,
  };
}
