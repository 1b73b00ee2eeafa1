import { overlaps, type TimeWindow } from "./time-window";

/** The fields date order needs: indexed events and the timeline's rows both have them. */
export interface Dated {
  id: string;
  startMs: number;
  endMs: number;
}

/**
 * The one order of events: the store sorts by it (so the list, exports and Previous/Next follow it)
 * and the timeline's arrow keys step by it. Earliest first; equal starts by the shorter span (a day
 * before the year that contains it, as the timeline draws them), then by id in code-point order, so
 * the result never depends on the input order or on the runtime's locale.
 */
export function byDate(a: Dated, b: Dated): number {
  return a.startMs - b.startMs || a.endMs - b.endMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export type Step = "next" | "previous" | "first" | "last";

/**
 * The event a key press moves to, in date order among those that overlap the window (what the
 * timeline shows): the first one when nothing is current yet. Null when there is nowhere to go.
 */
export function stepInDateOrder(
  events: readonly Dated[],
  currentId: string | null,
  step: Step,
  window: TimeWindow | null = null,
): string | null {
  const shown = (window ? events.filter((e) => overlaps(e.startMs, e.endMs, window)) : [...events]).sort(byDate);
  if (shown.length === 0) return null;
  if (step === "first") return shown[0].id;
  if (step === "last") return shown[shown.length - 1].id;
  const at = currentId === null ? -1 : shown.findIndex((e) => e.id === currentId);
  if (at === -1) {
    // Not among the shown ones (none yet, or scrolled away): start from the nearest end.
    const current = currentId === null ? undefined : events.find((e) => e.id === currentId);
    if (!current) return step === "next" ? shown[0].id : shown[shown.length - 1].id;
    const after = shown.find((e) => byDate(e, current) > 0);
    const before = [...shown].reverse().find((e) => byDate(e, current) < 0);
    return (step === "next" ? after : before)?.id ?? null;
  }
  const next = at + (step === "next" ? 1 : -1);
  return next >= 0 && next < shown.length ? shown[next].id : null;
}
