import { periodEnd, periodStart, type TimeWindow } from "../core/time-window";
import type { Range } from "../timeline/scrub-outcome";
import type { PlayStep } from "./settings";

/**
 * Playback's frames: whole calendar periods (a year, a quarter, a month), so every frame is a short
 * URL (`from=2016-04&to=2016-06`) that the server renders and caches like any other view. Pure and
 * browser-safe: the player, the URL's notices and the benchmark all read frames from here.
 */

/** The step a player (and a playback's download) takes when the view names none. */
export const DEFAULT_STEP: PlayStep = "1y";

/** How many months each step spans. */
const MONTHS: Record<PlayStep, number> = { "1y": 12, "3m": 3, "1m": 1 };

/** A frame is a window as the URL writes it, both ends set. */
export interface Frame {
  from: string;
  to: string;
}

/**
 * A whole playback lasts about this long by default: a dozen years then take 1.5 s each, 144 months
 * a quarter of a second each (the URL is written at most four times a second: see settings.ts).
 */
const DEFAULT_PLAYBACK_MS = 20_000;
const DEFAULT_PACE_RANGE = { min: 250, max: 1500 } as const;

const pad = (n: number) => String(n).padStart(2, "0");
/** A period of `months` starting at month index `m` (months since year 0) as the URL writes it. */
function period(m: number, months: number): Frame {
  const [year, month] = [Math.floor(m / 12), m % 12];
  if (months === 12) return { from: String(year), to: String(year) };
  const last = m + months - 1;
  return { from: `${year}-${pad(month + 1)}`, to: `${Math.floor(last / 12)}-${pad((last % 12) + 1)}` };
}

const monthIndex = (ms: number) => {
  const d = new Date(ms);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};

/**
 * The frames over the data's span (`extent`: its first event's start to its last end), each a whole
 * calendar period aligned to the calendar (years from January, quarters from January, April, July,
 * October). Sliding, each frame is one period; growing, each runs from the first period's start.
 */
export function framesOf(extent: TimeWindow, step: PlayStep, grow = false): Frame[] {
  const months = MONTHS[step];
  const first = Math.floor(monthIndex(extent.startMs) / months) * months;
  // The extent's end is exclusive (the timeline's, lib/timeline/timeline-items.ts spanOf): data that
  // ends on 31 December ends before 1 January, and gets no empty frame of the next year.
  const last = monthIndex(extent.endMs - 1);
  const frames: Frame[] = [];
  for (let m = first; m <= last; m += months) frames.push(period(m, months));
  if (!grow) return frames;
  const start = frames[0]?.from;
  return frames.map((f) => ({ from: start, to: f.to }));
}

/**
 * The frame a window is on: the frame it is exactly, else the one holding its start (sliding) or
 * its end (growing), else the first. A link's window that is no frame (`from=2016-05-10`) thus opens
 * the player on the frame around it.
 */
export function frameIndexOf(frames: readonly Frame[], range: Range, grow = false): number {
  const exact = frames.findIndex((f) => f.from === range.from && f.to === range.to);
  if (exact >= 0) return exact;
  const edge = grow ? range.to : range.from;
  if (!edge || frames.length === 0) return 0;
  // A growing frame is known by its last period, a sliding one by its only period.
  const at = grow ? periodEnd(edge) : periodStart(edge);
  const holding = frames.findIndex((f) => periodStart(grow ? f.to : f.from) <= at && at <= periodEnd(f.to));
  if (holding >= 0) return holding;
  return at < periodStart(frames[0].from) ? 0 : frames.length - 1;
}

/** Whether the window is exactly one of the frames. */
export const isFrame = (frames: readonly Frame[], range: Range) => frames.some((f) => f.from === range.from && f.to === range.to);

export type FrameMove = "next" | "previous" | "first" | "last";

/** Where a move lands, kept within the frames (the player stops at the last frame rather than wrap). */
export function moveFrame(index: number, move: FrameMove, count: number): number {
  const last = Math.max(count - 1, 0);
  if (move === "first") return 0;
  if (move === "last") return last;
  return Math.min(Math.max(index + (move === "next" ? 1 : -1), 0), last);
}

/** The pace a player takes by default: the whole playback in about 20 s, within 0.25–1.5 s a frame. */
export function defaultPace(frameCount: number): number {
  const pace = Math.round(DEFAULT_PLAYBACK_MS / Math.max(frameCount, 1) / 50) * 50;
  return Math.min(Math.max(pace, DEFAULT_PACE_RANGE.min), DEFAULT_PACE_RANGE.max);
}

/**
 * At most `max` of the frames, for a playback drawn frame by frame (its GIF): every `every`-th frame,
 * counted back from the last, so the playback always ends where the player's does (a growing window
 * ends on the whole span). `every` is 1 when all the frames fit.
 */
export function everyKth<T>(frames: readonly T[], max: number): { frames: T[]; every: number } {
  const every = Math.max(1, Math.ceil(frames.length / Math.max(max, 1)));
  const kept: T[] = [];
  for (let i = frames.length - 1; i >= 0; i -= every) kept.unshift(frames[i]);
  return { frames: kept, every };
}
