import type { DatasetIndex, IndexedEvent } from "../data/dataset";
import type { TimelineGrouping } from "../query/query";
import { DAY_MS, overlaps, type TimeWindow } from "../core/time-window";
import { periodLabel, type PeriodUnit } from "../core/dates";
import { countText, fill } from "../i18n/plural";
import { ID_SEPARATOR, rowIdsOf, rowSlots, spanOf, NO_ORG_GROUP, TIMELINE_TEXT_EN, type TimelineText } from "./timeline-items";

/*
 * Large datasets. vis-timeline lays out and clusters every item it holds on each redraw, which stops
 * being interactive somewhere past a few thousand items. Above DETAIL_LIMIT the timeline therefore
 * draws either the events near the URL's window (so zooming in drills down to real events) or, when
 * even those are too many, one counted "bucket" per row and calendar period: a density bar.
 */

/** Most event items the timeline draws one by one. */
export const DETAIL_LIMIT = 1500;
/** Most bucket items (rows × periods) in density mode. vis only lays out those in view. */
export const BUCKET_BUDGET = 2000;
/** Most buckets across the visible window: each stays wide enough to read and click. */
const BARS_ACROSS = 40;

export type BucketUnit = PeriodUnit;
const UNITS: BucketUnit[] = ["day", "week", "month", "quarter", "year"];

export type TimelineMode =
  | { kind: "events"; events: IndexedEvent[] }
  /** `range` is whole periods of `unit` (end exclusive): the buckets to draw. */
  | { kind: "density"; range: TimeWindow; unit: BucketUnit };

export interface BucketItem {
  kind: "bucket";
  id: string;
  group?: string;
  startMs: number;
  /** Exclusive: the first instant of the next period. */
  endMs: number;
  type: "range";
  className: string;
  /** Plain text tooltip: "37 events in Mar 2019 — click to zoom in" (and the row's name). */
  title: string;
  /** "37 events" */
  content: string;
  count: number;
  /** The period as written: "4 Mar 2019", "the week of 4 Mar 2019", "Mar 2019", "Q1 2019", "2019". */
  label: string;
  /** The period as a time window with an inclusive end, as the URL's from/to express it. */
  period: TimeWindow;
}

/**
 * Which way the timeline shows `events`: every one of them while they are few; with a window, the
 * events overlapping it widened by its own width each side (room to drag before the URL catches up),
 * or else those overlapping the window itself, if those are few enough; otherwise density buckets.
 * Buckets are as fine as the window allows (at most BARS_ACROSS in view) and cover all the events if
 * they fit the budget, else the widened window: panning then keeps the same buckets, and vis does not
 * lay out new ones after each gesture.
 */
export function timelineMode(
  events: IndexedEvent[],
  groupBy: TimelineGrouping,
  window: TimeWindow | null,
  { rows = rowCount(events, groupBy), limit = DETAIL_LIMIT, budget = BUCKET_BUDGET } = {},
): TimelineMode {
  const itemsIn = (w: TimeWindow | null) => itemCount(w ? overlapping(events, w) : events, groupBy);
  const chosen = chooseTimelineMode(
    { all: () => itemsIn(null), nearby: () => itemsIn(nearbyWindow(window!)), inside: () => itemsIn(window) },
    () => spanOf(events)!,
    window,
    { rows, limit, budget },
  );
  if (chosen.kind === "density") return chosen;
  return { kind: "events", events: chosen.within ? overlapping(events, chosen.within) : events };
}

/** The window widened by its own width each side: the events near it. */
export function nearbyWindow(window: TimeWindow): TimeWindow {
  const width = window.endMs - window.startMs;
  return { startMs: window.startMs - width, endMs: window.endMs + width };
}

/** Timeline items (an event per row it sits in) among all the events, those near the window, those inside it. */
export interface ItemCounts {
  all: () => number;
  nearby: () => number;
  inside: () => number;
}

/**
 * `timelineMode`'s choice from counts alone, so that a database can count instead: events mode names
 * the window whose overlapping events to draw (null: all of them). `span` is the events' (spanOf).
 */
export function chooseTimelineMode(
  items: ItemCounts,
  span: () => TimeWindow,
  window: TimeWindow | null,
  { rows, limit = DETAIL_LIMIT, budget = BUCKET_BUDGET }: { rows: number; limit?: number; budget?: number },
): { kind: "events"; within: TimeWindow | null } | Extract<TimelineMode, { kind: "density" }> {
  if (items.all() <= limit) return { kind: "events", within: null };
  const all = span();
  let near = all;
  if (window) {
    const widened = nearbyWindow(window);
    if (items.nearby() <= limit) return { kind: "events", within: widened };
    // Month- and year-long events overlap every window inside them: a narrow one may need all its room.
    if (items.inside() <= limit) return { kind: "events", within: window };
    near = { startMs: Math.max(all.startMs, widened.startMs), endMs: Math.min(all.endMs, widened.endMs) };
  }
  const fits = (range: TimeWindow, u: BucketUnit) => periodsIn(range, u) * rows <= budget;
  const unit = UNITS.find((u) => periodsIn(window ?? all, u) <= BARS_ACROSS && fits(near, u)) ?? "year";
  const range = fits(all, unit) ? all : near;
  const first = periodOf(range.startMs, unit);
  const last = Math.max(first, periodOf(range.endMs - 1, unit));
  return { kind: "density", unit, range: { startMs: startOfPeriod(first, unit), endMs: startOfPeriod(last + 1, unit) } };
}

function rowCount(events: IndexedEvent[], groupBy: TimelineGrouping): number {
  if (groupBy === "none") return 1;
  const rows = new Set<string>();
  for (const e of events) {
    if (groupBy === "category") rows.add(e.category);
    else if (e.organizations.length === 0) rows.add(NO_ORG_GROUP);
    else for (const org of e.organizations) rows.add(org);
  }
  return rows.size;
}

const overlapping = (events: IndexedEvent[], w: TimeWindow) => events.filter((e) => overlaps(e.startMs, e.endMs, w));

function itemCount(events: IndexedEvent[], groupBy: TimelineGrouping): number {
  if (groupBy !== "organization") return events.length;
  let count = 0;
  for (const e of events) count += Math.max(1, e.organizations.length);
  return count;
}

/**
 * Density buckets as they cross from server to browser: per row, pairs of (period offset from
 * `firstPeriod`, count) for the periods with events. A few bytes a bucket; the browser expands them
 * into timeline items with `bucketItems`.
 */
export interface DensityCounts {
  unit: BucketUnit;
  firstPeriod: number;
  rows: { group: string; cells: number[] }[];
}

/** The period an event's start or end (clamped to the range) falls in, from its precomputed months where it can. */
function eventPeriod(e: IndexedEvent, side: "start" | "end", clampMs: number, unit: BucketUnit): number {
  const ms = side === "start" ? Math.max(e.startMs, clampMs) : Math.min(e.endMs, clampMs);
  if (unit === "day" || unit === "week" || ms !== (side === "start" ? e.startMs : e.endMs)) return periodOf(ms, unit);
  const month = side === "start" ? e.startMonth : e.endMonth;
  return unit === "month" ? month : Math.floor(month / MONTHS_IN[unit]);
}

/**
 * One bucket per row and period with at least one event. An event counts in every period it
 * overlaps (a year-precision event in each of its twelve months), as the time filter does: a
 * bucket's count is what its row shows once the user zooms into that period.
 */
export function densityCounts(
  events: readonly IndexedEvent[],
  index: Pick<DatasetIndex, "ids">,
  groupBy: TimelineGrouping,
  { range, unit }: Extract<TimelineMode, { kind: "density" }>,
): DensityCounts {
  const first = periodOf(range.startMs, unit);
  const length = periodOf(range.endMs - 1, unit) - first + 1;
  const rowIds = rowIdsOf(index, groupBy);
  const counts: (Uint32Array | undefined)[] = new Array(rowIds.length); // row slot → events per period, from `first`
  let from = 0;
  let to = 0;
  const countIn = (slot: number) => {
    const byPeriod = (counts[slot] ??= new Uint32Array(length));
    for (let p = from; p <= to; p++) byPeriod[p]++;
  };
  for (const e of events) {
    if (e.startMs >= range.endMs || e.endMs < range.startMs) continue;
    from = eventPeriod(e, "start", range.startMs, unit) - first;
    to = eventPeriod(e, "end", range.endMs - 1, unit) - first;
    rowSlots(e, groupBy, rowIds.length - 1, countIn);
  }
  const rows: DensityCounts["rows"] = [];
  counts.forEach((byPeriod, slot) => {
    if (!byPeriod) return;
    const cells: number[] = [];
    byPeriod.forEach((n, p) => n > 0 && cells.push(p, n));
    rows.push({ group: rowIds[slot], cells });
  });
  return { unit, firstPeriod: first, rows };
}

/** The browser's side: counted cells → timeline items, labelled and shaded. `rowNames` names each group. */
export function bucketItems(
  { unit, firstPeriod, rows }: DensityCounts,
  rowNames: ReadonlyMap<string, string>,
  groupBy: TimelineGrouping,
  text: TimelineText = TIMELINE_TEXT_EN,
): BucketItem[] {
  const words = { week: text.bucketWeek, quarter: text.bucketQuarter };
  let max = 1;
  for (const { cells } of rows) for (let i = 1; i < cells.length; i += 2) max = Math.max(max, cells[i]);
  const items: BucketItem[] = [];
  for (const { group: row, cells } of rows) {
    const rowName = row ? (rowNames.get(row) ?? row) : "";
    for (let i = 0; i < cells.length; i += 2) {
      const count = cells[i + 1];
      const startMs = startOfPeriod(firstPeriod + cells[i], unit);
      const endMs = startOfPeriod(firstPeriod + cells[i] + 1, unit);
      const label = periodLabel(startMs, unit, text.lang, words);
      const content = countText(text.events, count, text.lang);
      // Five shades of density, relative to the fullest bucket.
      const classes = ["tl-bucket", `tl-density-${Math.ceil((count / max) * 5)}`];
      if (groupBy === "category") classes.push(`tl-cat-${row}`);
      items.push({
        kind: "bucket",
        id: `bucket~${unit}~${startMs}${row ? ID_SEPARATOR + row : ""}`,
        ...(row ? { group: row } : {}),
        startMs,
        endMs,
        type: "range",
        className: classes.join(" "),
        title: [fill(unit === "day" ? text.bucketTipDay : text.bucketTip, { count: content, period: label }), rowName]
          .filter(Boolean)
          .join("\n"),
        content,
        count,
        label,
        period: { startMs, endMs: endMs - 1 },
      });
    }
  }
  return items;
}

// Periods are numbered on the UTC calendar: days from 1 Jan 1970, weeks (Monday to Sunday) from
// Monday 5 Jan 1970, months, quarters and years from January 1970.
export const WEEK_MS = 7 * DAY_MS;
/** Weeks are counted from the first Monday after the epoch (5 January 1970): a database counts them so too. */
export const FIRST_MONDAY = 4 * DAY_MS;
export const MONTHS_IN: Record<Exclude<BucketUnit, "day" | "week">, number> = { month: 1, quarter: 3, year: 12 };

export function periodOf(ms: number, unit: BucketUnit): number {
  if (unit === "day") return Math.floor(ms / DAY_MS);
  if (unit === "week") return Math.floor((ms - FIRST_MONDAY) / WEEK_MS);
  const d = new Date(ms);
  return Math.floor(((d.getUTCFullYear() - 1970) * 12 + d.getUTCMonth()) / MONTHS_IN[unit]);
}

function startOfPeriod(n: number, unit: BucketUnit): number {
  if (unit === "day") return n * DAY_MS;
  return unit === "week" ? FIRST_MONDAY + n * WEEK_MS : Date.UTC(1970, n * MONTHS_IN[unit], 1);
}

/** How many periods of `unit` the range touches. */
function periodsIn(range: TimeWindow, unit: BucketUnit): number {
  return Math.max(0, periodOf(range.endMs - 1, unit) - periodOf(range.startMs, unit) + 1);
}
