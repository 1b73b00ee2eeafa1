import type { DatasetIndex, IndexedEvent, Names } from "../data/dataset";
import type { PluralForms } from "../i18n/plural";
import { nameById, type Lang } from "../i18n/lang";
import type { TimelineGrouping } from "../query/query";
import type { EventRow } from "../view/rows";
import { DAY_MS, type Precision, type TimeWindow } from "../core/time-window";

/**
 * The timeline's shapers. The server picks the rows (`timelineGroups`) and what to draw; the browser
 * turns the server's event rows into vis-timeline items (`timelineItems`). Pure, so the rules a
 * reader relies on (a month-precision event is drawn over its whole month and says so) are tested.
 */
export type { TimelineGrouping };

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
const YEAR_MS = 365 * DAY_MS;

export function eventIdOfItem(itemId: string | number): string {
  const id = String(itemId);
  const cut = id.indexOf(ID_SEPARATOR);
  return cut === -1 ? id : id.slice(0, cut);
}

export function rowKeys(e: Pick<EventRow, "category" | "organizations">, groupBy: TimelineGrouping): (string | undefined)[] {
  if (groupBy === "category") return [e.category];
  if (groupBy === "organization") return e.organizations.length > 0 ? e.organizations : [NO_ORG_GROUP];
  return [undefined];
}

/** The words the browser adds to an item's tooltip, written by the server in the reader's language. */
export interface TimelineText {
  lang: Lang;
  /** "{date} (exact day not known)" */
  dayUnknown: string;
  /** "{where} (inferred)" */
  inferred: string;
  /** The timeline's accessible name, which says how to move it. */
  aria: string;
  /** "# events close together; click to zoom in" */
  cluster: PluralForms;
  /** "# events — click to zoom in" */
  clusterTip: PluralForms;
  /** "# events": a density bar's count */
  events: PluralForms;
  /** "{count} in {period} — click to zoom in", and with "on" for a day */
  bucketTip: string;
  bucketTipDay: string;
  /** A density bar's period where no date format names it: "the week of {date}", "Q{quarter} {year}". */
  bucketWeek: string;
  bucketQuarter: string;
}

export const TIMELINE_TEXT_EN: TimelineText = {
  lang: "en",
  dayUnknown: "{date} (exact day not known)",
  inferred: "{where} (inferred)",
  aria: "Timeline of events: Left and Right arrows move between events by date, Enter opens one, Shift+arrows pan, + and − zoom; drag to pan, pinch or Ctrl+scroll to zoom",
  cluster: { one: "# event close together; click to zoom in", other: "# events close together; click to zoom in" },
  clusterTip: { one: "# event — click to zoom in", other: "# events — click to zoom in" },
  events: { one: "# event", other: "# events" },
  bucketTip: "{count} in {period} — click to zoom in",
  bucketTipDay: "{count} on {period} — click to zoom in",
  bucketWeek: "the week of {date}",
  bucketQuarter: "Q{quarter} {year}",
};

function tooltipOf(e: EventRow, text: TimelineText): string {
  const when = e.precision === "day" ? e.date : text.dayUnknown.replace("{date}", e.date);
  const where = e.placeInferred ? text.inferred.replace("{where}", e.where) : e.where;
  return [e.title, e.altTitle, `${when} · ${where}`, e.categoryName].filter(Boolean).join("\n");
}

export function timelineItems(rows: readonly EventRow[], groupBy: TimelineGrouping, text: TimelineText = TIMELINE_TEXT_EN): TimelineItem[] {
  const items: TimelineItem[] = [];
  for (const e of rows) {
    const isPoint = e.precision === "day" && e.endMs - e.startMs < DAY_MS;
    const classes = ["tl-item", `tl-cat-${e.category}`];
    if (e.precision === "day") classes.push(isPoint ? "tl-day" : "tl-day tl-span");
    else classes.push("tl-uncertain", `tl-${e.precision}`);
    const base = {
      kind: "event" as const,
      eventId: e.id,
      start: new Date(e.startMs),
      // A day, month or year is drawn over all of it: the range ends where the next period begins.
      // (No `end` key at all on points: vis-timeline's focus() reads any present `end`.)
      ...(isPoint ? {} : { end: new Date(e.endMs + 1) }),
      type: isPoint ? ("point" as const) : ("range" as const),
      className: classes.join(" "),
      title: tooltipOf(e, text),
      precision: e.precision,
      label: e.date,
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

/** The ids of a grouping's rows, in vocabulary order; `rowSlots` numbers an event's rows by position here. */
export function rowIdsOf(index: Pick<DatasetIndex, "ids">, groupBy: TimelineGrouping): string[] {
  if (groupBy === "category") return index.ids.category;
  return groupBy === "organization" ? [...index.ids.org, NO_ORG_GROUP] : [""];
}

/** Calls `visit` with the position (in `rowIdsOf`) of each row the event sits in; no allocation per event. */
export function rowSlots(e: IndexedEvent, groupBy: TimelineGrouping, noOrgSlot: number, visit: (slot: number) => void): void {
  if (groupBy === "none") return visit(0);
  if (groupBy === "category") return visit(e.categoryIndex);
  if (e.orgIndexes.length === 0) return visit(noOrgSlot);
  for (const i of e.orgIndexes) visit(i);
}

/** Rows that have items: categories in the dataset's order; organizations by how many events they have. */
export function timelineGroups(
  events: readonly IndexedEvent[],
  index: DatasetIndex,
  groupBy: TimelineGrouping,
  lang: Lang = "en",
  noOrganization = "No organization listed",
): TimelineGroup[] {
  // (The caller translates "no organization": this module also runs in the browser, without the catalogues.)
  if (groupBy === "none") return [];
  const rowIds = rowIdsOf(index, groupBy);
  const tally = new Uint32Array(rowIds.length);
  const add = (slot: number) => tally[slot]++;
  for (const e of events) rowSlots(e, groupBy, rowIds.length - 1, add);
  const counts = new Map<string, number>();
  tally.forEach((n, slot) => n > 0 && counts.set(rowIds[slot], n));
  return timelineGroupsFromCounts(counts, index, groupBy, lang, noOrganization);
}

/** The rows from the events counted per row (a database counts them), as `timelineGroups` orders and names them. */
export function timelineGroupsFromCounts(
  counts: ReadonlyMap<string, number>,
  index: Pick<Names, "categoryById" | "orgById">,
  groupBy: TimelineGrouping,
  lang: Lang = "en",
  noOrganization = "No organization listed",
): TimelineGroup[] {
  if (groupBy === "none") return [];
  const named = [...(groupBy === "category" ? index.categoryById : index.orgById).values()];
  const position = new Map(named.map((n, i) => [n.id, i]));
  const rank = (id: string) => (id === NO_ORG_GROUP ? Infinity : (position.get(id) ?? named.length));
  const ids = [...counts.keys()].sort((a, b) => {
    if (groupBy === "organization" && (a === NO_ORG_GROUP) !== (b === NO_ORG_GROUP)) return a === NO_ORG_GROUP ? 1 : -1;
    const byCount = groupBy === "organization" ? counts.get(b)! - counts.get(a)! : 0;
    return byCount || rank(a) - rank(b) || a.localeCompare(b);
  });

  return ids.map((id, order) => {
    if (groupBy === "category") {
      const name = nameById(lang, index.categoryById, id);
      return { id, content: name, title: name, order, className: `tl-group tl-cat-${id}` };
    }
    const name = id === NO_ORG_GROUP ? noOrganization : nameById(lang, index.orgById, id);
    return { id, content: shortName(name), title: name, order, className: "tl-group" };
  });
}

export interface TimelineLimits {
  min: number;
  max: number;
  zoomMax: number;
}

/**
 * How far the timeline may scroll and zoom out: half the data's span either side (at least a year
 * before and two after, room for the newest events' labels). The default view (fitWindow) then sits
 * well inside the limits, so a first drag either way moves the window instead of meeting a wall.
 */
export function timelineLimits(dataSpan: TimeWindow | undefined): TimelineLimits {
  const span = dataSpan ?? { startMs: Date.UTC(2014, 0, 1), endMs: Date.UTC(2026, 0, 1) };
  const half = (span.endMs - span.startMs) / 2;
  const min = span.startMs - Math.max(half, YEAR_MS);
  const max = span.endMs + Math.max(half, 2 * YEAR_MS);
  return { min, max, zoomMax: max - min };
}

/** The window that shows a span with some air around it (at least a fortnight a side). */
export function fitWindow(span: TimeWindow): TimeWindow {
  const length = span.endMs - span.startMs;
  // Labels run to the right of their items: leave room for the last ones to be read.
  return { startMs: span.startMs - Math.max(length * 0.04, 15 * DAY_MS), endMs: span.endMs + Math.max(length * 0.3, 20 * DAY_MS) };
}

/** From the first start to just after the last end; undefined for no events. */
export function spanOf(events: readonly Pick<IndexedEvent, "startMs" | "endMs">[]): TimeWindow | undefined {
  if (events.length === 0) return undefined;
  let startMs = Infinity;
  let endMs = -Infinity;
  for (const e of events) {
    if (e.startMs < startMs) startMs = e.startMs;
    if (e.endMs > endMs) endMs = e.endMs;
  }
  return { startMs, endMs: endMs + 1 };
}
