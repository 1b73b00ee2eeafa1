import { DAY_MS, periodEnd, periodStart, precisionOf, type Precision, type TimeWindow } from "../core/time-window";

/** A window as the URL writes it: partial dates, an open side null. */
export interface Range {
  from: string | null;
  to: string | null;
}

/**
 * What a drag, zoom or key press on the timeline means for the URL, frame by frame and at its end
 * alike, so the count shown during a drag is the count the page settles on:
 * - "unchanged": the view stays as the URL has it (a wobble of the hand, or the same periods again);
 * - "everything": the window holds every event, which is no time filter at all;
 * - "window": the new window, in whole periods.
 */
export type ScrubOutcome = { kind: "unchanged" } | { kind: "everything" } | { kind: "window"; range: { from: string; to: string } };

/** Below this share of the window's length, a move is a wobble of the hand, not a choice. */
export const NEGLIGIBLE_SHARE = 0.005;

/**
 * The calendar period a window of this length is read in. The year fields, the summary and the URL
 * then say exactly the window that filters ("2020–2024", not 4 Jan 2020 – 19 Jan 2025 shown as years),
 * and a zoomed-out drag cannot leave a few days of a year out unseen.
 */
export function snapUnit(lengthMs: number): Precision {
  // From two and a half periods up: a keyboard pan or zoom step (a fifth of the window) is then at
  // least half a period, so it always reaches the next one instead of snapping back.
  if (lengthMs >= 2.5 * 365 * DAY_MS) return "year";
  if (lengthMs >= 2.5 * 30 * DAY_MS) return "month";
  return "day";
}

const BOUNDARY: Record<Precision, (y: number, m: number, d: number) => number> = {
  year: (y) => Date.UTC(y, 0, 1),
  month: (y, m) => Date.UTC(y, m, 1),
  day: (y, m, d) => Date.UTC(y, m, d),
};
const NEXT: Record<Precision, (y: number, m: number, d: number) => number> = {
  year: (y) => Date.UTC(y + 1, 0, 1),
  month: (y, m) => Date.UTC(y, m + 1, 1),
  day: (y, m, d) => Date.UTC(y, m, d + 1),
};

function fields(ms: number): [number, number, number] {
  const date = new Date(ms);
  return [date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()];
}
/** The start of the period holding `ms`, and of the one after it. */
const floorTo = (ms: number, unit: Precision) => BOUNDARY[unit](...fields(ms));
const ceilTo = (ms: number, unit: Precision) => (floorTo(ms, unit) === ms ? ms : NEXT[unit](...fields(ms)));
const nearest = (ms: number, unit: Precision) => {
  const [below, above] = [floorTo(ms, unit), ceilTo(ms, unit)];
  return ms - below < above - ms ? below : above;
};
const nextBoundary = (ms: number, unit: Precision) => NEXT[unit](...fields(ms));
const previousBoundary = (ms: number, unit: Precision) => floorTo(ms - 1, unit);

/** A period's first instant as a partial date of the unit's precision: "2019", "2019-03", "2019-03-05". */
const written = (ms: number, unit: Precision) => new Date(ms).toISOString().slice(0, unit === "year" ? 4 : unit === "month" ? 7 : 10);

/**
 * The window a timeline showing `shown` filters by: its edges moved to the nearest period boundaries
 * of the zoom level, kept within the data's first and last periods (`extent`), at least one period long.
 */
export function snappedRange(shown: TimeWindow, extent: TimeWindow | null): { from: string; to: string } {
  const unit = snapUnit(shown.endMs - shown.startMs);
  let start = nearest(shown.startMs, unit);
  let end = nearest(shown.endMs + 1, unit); // exclusive
  if (extent) {
    const [first, afterLast] = [floorTo(extent.startMs, unit), ceilTo(extent.endMs + 1, unit)];
    start = Math.min(Math.max(start, first), previousBoundary(afterLast, unit));
    end = Math.max(Math.min(end, afterLast), nextBoundary(first, unit));
  }
  if (end <= start) end = nextBoundary(start, unit);
  return { from: written(start, unit), to: written(end - 1, unit) };
}

const sameWindow = (a: Range, b: Range) =>
  (a.from ? periodStart(a.from) : null) === (b.from ? periodStart(b.from) : null) &&
  (a.to ? periodEnd(a.to) : null) === (b.to ? periodEnd(b.to) : null);

/**
 * What the timeline's window `shown` means, against the window the gesture started from (`before`)
 * and the URL's range (`current`).
 */
export function scrubOutcome(before: TimeWindow, shown: TimeWindow, extent: TimeWindow | null, current: Range): ScrubOutcome {
  const length = Math.max(before.endMs - before.startMs, 1);
  const moved = Math.max(Math.abs(shown.startMs - before.startMs), Math.abs(shown.endMs - before.endMs));
  if (moved < length * NEGLIGIBLE_SHARE) return { kind: "unchanged" };
  const range = snappedRange(shown, extent);
  const everything = extent !== null && periodStart(range.from) <= extent.startMs && periodEnd(range.to) >= extent.endMs;
  if (everything) return current.from || current.to ? { kind: "everything" } : { kind: "unchanged" };
  return sameWindow(range, current) ? { kind: "unchanged" } : { kind: "window", range };
}

/**
 * Typed dates kept within the data: a start before the data's first period becomes that period, an
 * end after its last becomes the last, each at the precision it was typed in ("2010" → "2014").
 */
export function withinData(range: Range, extent: TimeWindow | null): Range {
  if (!extent) return range;
  let { from, to } = range;
  if (from && periodStart(from) < floorTo(extent.startMs, precisionOf(from))) from = written(extent.startMs, precisionOf(from));
  if (to && periodEnd(to) > ceilTo(extent.endMs + 1, precisionOf(to)) - 1)
    to = written(floorTo(extent.endMs, precisionOf(to)), precisionOf(to));
  return { from, to };
}
