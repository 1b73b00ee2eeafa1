/**
 * Time windows and partial dates, written once for server and browser alike (no dependencies, so the
 * client bundle stays small). A window is a span of UTC milliseconds, both ends inclusive.
 */

export const DAY_MS = 86_400_000;

export interface TimeWindow {
  startMs: number;
  endMs: number;
}

export type Precision = "year" | "month" | "day";

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; the string's length is its precision. */
export const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

export function isPartialDate(s: string): boolean {
  if (!PARTIAL_DATE.test(s)) return false;
  if (s.length < 10) return true;
  const [y, m, d] = s.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
}

export function precisionOf(s: string): Precision {
  return s.length === 4 ? "year" : s.length === 7 ? "month" : "day";
}

/**
 * An event's precision: that of its vaguer end (the shorter string), since a span known to the
 * month at one end is not known to the day. The list, timeline, detail and calendar export all say it.
 */
export function eventPrecision(e: { start: string; end?: string }): Precision {
  return precisionOf(e.end !== undefined && e.end.length < e.start.length ? e.end : e.start);
}

/** First millisecond (UTC) of the period a partial date names. */
export function periodStart(s: string): number {
  const [y, m = 1, d = 1] = s.split("-").map(Number);
  return Date.UTC(y, m - 1, d);
}

/** Last millisecond (UTC) of the period a partial date names: `2015-11` ends on 30 Nov 23:59:59.999. */
export function periodEnd(s: string): number {
  const [y, m, d] = s.split("-").map(Number);
  if (m === undefined) return Date.UTC(y + 1, 0, 1) - 1;
  if (d === undefined) return Date.UTC(y, m, 1) - 1;
  return Date.UTC(y, m - 1, d) + DAY_MS - 1;
}

/** The UTC calendar day of a timestamp, as `YYYY-MM-DD`. */
export function toDayString(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The URL's from/to as a window; an open side is infinite. */
export function windowOf(range: { from: string | null; to: string | null }): TimeWindow {
  return {
    startMs: range.from ? periodStart(range.from) : -Infinity,
    endMs: range.to ? periodEnd(range.to) : Infinity,
  };
}

/** A window as the URL writes it after a drag: whole UTC days. */
export function windowToRange(w: TimeWindow): { from: string; to: string } {
  return { from: toDayString(w.startMs), to: toDayString(w.endMs) };
}

export const isBounded = (w: TimeWindow) => w.startMs > -Infinity || w.endMs < Infinity;

/** The URL's window when it has one (a from or a to), else null: the timeline then fits the events. */
export function boundedWindow(range: { from: string | null; to: string | null }): TimeWindow | null {
  const w = windowOf(range);
  return isBounded(w) ? w : null;
}

/** Whether a span (inclusive ends) overlaps the window: the time filter's one test. */
export const overlaps = (startMs: number, endMs: number, w: TimeWindow) => startMs <= w.endMs && endMs >= w.startMs;

/** An open side of the URL's window closed at the data's extent, so a timeline can show it. */
export function finiteWindow(w: TimeWindow, extent: TimeWindow, minimum = 30 * DAY_MS): TimeWindow {
  const startMs = Number.isFinite(w.startMs) ? w.startMs : Math.min(extent.startMs, w.endMs - minimum);
  const endMs = Number.isFinite(w.endMs) ? w.endMs : Math.max(extent.endMs, startMs + minimum);
  return { startMs, endMs: Math.max(endMs, startMs + DAY_MS) };
}
