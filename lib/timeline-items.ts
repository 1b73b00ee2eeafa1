import type { DatasetIndex, IndexedEvent } from "./dataset";
import { formatSpan, precisionOf, type Precision } from "./dates";
import type { Window } from "./filter";

/**
 * The timeline's shaper: filtered events → vis-timeline items and rows. Pure, so the rules a reader
 * relies on (a month-precision event is drawn over its whole month and says so) are unit-tested.
 */
export type TimelineGrouping = "category" | "organization" | "none";

export interface TimelineItem {
  kind: "event";
  /** Unique: the event id, or `${eventId}::${rowId}` when grouped (an event may sit in several org rows). */
  id: string;
  eventId: string;
  group?: string;
  start: Date;
  /** Exclusive end (the first instant after the period), for ranges. */
  end?: Date;
  type: "point" | "range";
  className: string;
  /** Plain text, several lines: title, date, place, category. Never HTML. */
  title: string;
  /** The coarser precision of start and end. */
  precision: Precision;
  /** The date as precise as the source: "8 Jun 2016", "May 2015", "2022", "13–15 Oct 2025". */
  label: string;
  /** The event's title, shown on the item (as text). */
  content: string;
}

export interface TimelineGroup {
  id: string;
  /** The row's name as shown (an organization's abbreviation where its name ends with one). */
  content: string;
  /** Full name, for the row's tooltip. */
  title: string;
  order: number;
  className: string;
}

export const NO_ORG_GROUP = "__no-org__";
export const ID_SEPARATOR = "::";
export const DAY_MS = 86_400_000;
const YEAR_MS = 365 * DAY_MS;

export function eventIdOfItem(itemId: string | number): string {
  const id = String(itemId);
  const cut = id.indexOf(ID_SEPARATOR);
  return cut === -1 ? id : id.slice(0, cut);
}

const PRECISION_RANK: Record<Precision, number> = { year: 0, month: 1, day: 2 };

function precisionOfEvent(e: IndexedEvent): Precision {
  const a = precisionOf(e.start);
  const b = e.end ? precisionOf(e.end) : a;
  return PRECISION_RANK[a] <= PRECISION_RANK[b] ? a : b;
}

export function rowKeys(e: IndexedEvent, groupBy: TimelineGrouping): (string | undefined)[] {
  if (groupBy === "category") return [e.category];
  if (groupBy === "organization") return e.organizations.length > 0 ? e.organizations : [NO_ORG_GROUP];
  return [undefined];
}

function whereText(e: IndexedEvent, index: DatasetIndex): string {
  const place = e.place ? index.placeById.get(e.place) : undefined;
  if (place) return e.placeCertainty === "inferred" ? `${place.name} (inferred)` : place.name;
  return e.online ? "Online" : "Place not known";
}

function tooltipOf(e: IndexedEvent, index: DatasetIndex, label: string, precision: Precision): string {
  const category = index.categoryById.get(e.category)?.name ?? e.category;
  const when = precision === "day" ? label : `${label} (exact day not known)`;
  return [e.title, e.titleZh, `${when} · ${whereText(e, index)}`, category].filter(Boolean).join("\n");
}

export function timelineItems(
  events: IndexedEvent[],
  index: DatasetIndex,
  groupBy: TimelineGrouping,
): TimelineItem[] {
  const items: TimelineItem[] = [];
  for (const e of events) {
    const precision = precisionOfEvent(e);
    const label = formatSpan(e.start, e.end);
    const isPoint = precision === "day" && (!e.end || e.end === e.start);
    const classes = ["tl-item", `tl-cat-${e.category}`];
    if (precision === "day") classes.push(isPoint ? "tl-day" : "tl-day tl-span");
    else classes.push("tl-uncertain", `tl-${precision}`);
    const base = {
      kind: "event" as const,
      eventId: e.id,
      start: new Date(e.startMs),
      // A day, month or year is drawn over all of it: the range ends where the next period begins.
      // (No `end` key at all on points: vis-timeline's focus() reads any present `end`.)
      ...(isPoint ? {} : { end: new Date(e.endMs + 1) }),
      type: isPoint ? ("point" as const) : ("range" as const),
      className: classes.join(" "),
      title: tooltipOf(e, index, label, precision),
      precision,
      label,
      content: e.title,
    };
    for (const key of rowKeys(e, groupBy)) {
      // Ids differ between groupings, so switching rows replaces items instead of moving them
      // (vis-timeline keeps stale clusters when an item's group changes in place).
      const id = key === undefined ? e.id : `${e.id}${ID_SEPARATOR}${key}`;
      items.push(key === undefined ? { id, ...base } : { id, group: key, ...base });
    }
  }
  return items;
}

/** "…(UNESCO-ICHEI)" → "UNESCO-ICHEI": row labels stay narrow, the full name goes in the tooltip. */
function shortName(name: string): string {
  const abbreviation = /\(([^()]{2,24})\)\s*$/.exec(name);
  return abbreviation ? abbreviation[1] : name;
}

/** Rows that have items: categories in the dataset's order; organizations by how many events they have. */
export function timelineGroups(
  events: IndexedEvent[],
  index: DatasetIndex,
  groupBy: TimelineGrouping,
): TimelineGroup[] {
  if (groupBy === "none") return [];
  const counts = new Map<string, number>();
  for (const e of events) for (const key of rowKeys(e, groupBy)) counts.set(key!, (counts.get(key!) ?? 0) + 1);

  const named = groupBy === "category" ? index.dataset.categories : index.dataset.organizations;
  const position = new Map(named.map((n, i) => [n.id, i]));
  const rank = (id: string) => (id === NO_ORG_GROUP ? Infinity : (position.get(id) ?? named.length));
  const ids = [...counts.keys()].sort((a, b) => {
    if (groupBy === "organization" && (a === NO_ORG_GROUP) !== (b === NO_ORG_GROUP)) return a === NO_ORG_GROUP ? 1 : -1;
    const byCount = groupBy === "organization" ? counts.get(b)! - counts.get(a)! : 0;
    return byCount || rank(a) - rank(b) || a.localeCompare(b);
  });

  return ids.map((id, order) => {
    if (groupBy === "category") {
      const name = index.categoryById.get(id)?.name ?? id;
      return { id, content: name, title: name, order, className: `tl-group tl-cat-${id}` };
    }
    const name = id === NO_ORG_GROUP ? "No organization listed" : (index.orgById.get(id)?.name ?? id);
    return { id, content: shortName(name), title: name, order, className: "tl-group" };
  });
}

/** How far the timeline may scroll and zoom out: the dataset's span with a year either side. */
export function timelineLimits(index: DatasetIndex): { min: number; max: number; zoomMax: number } {
  const span = spanOf(index.events) ?? { startMs: Date.UTC(2014, 0, 1), endMs: Date.UTC(2026, 0, 1) };
  const min = span.startMs - YEAR_MS;
  const max = span.endMs + YEAR_MS;
  return { min, max, zoomMax: max - min };
}

/** The window that shows all of `events` with some air around them (at least a fortnight a side). */
export function fitWindow(events: IndexedEvent[], index: DatasetIndex): Window {
  const span = spanOf(events) ?? spanOf(index.events) ?? { startMs: Date.UTC(2014, 0, 1), endMs: Date.UTC(2026, 0, 1) };
  const length = span.endMs - span.startMs;
  // Labels run to the right of their items: leave room for the last ones to be read.
  return { startMs: span.startMs - Math.max(length * 0.04, 15 * DAY_MS), endMs: span.endMs + Math.max(length * 0.22, 20 * DAY_MS) };
}

export function spanOf(events: IndexedEvent[]): Window | undefined {
  if (events.length === 0) return undefined;
  let startMs = Infinity;
  let endMs = -Infinity;
  for (const e of events) {
    if (e.startMs < startMs) startMs = e.startMs;
    if (e.endMs > endMs) endMs = e.endMs;
  }
  return { startMs, endMs: endMs + 1 };
}
