import { format } from "date-fns";

export type Precision = "year" | "month" | "day";
const DAY_MS = 86_400_000;

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

/** The UTC calendar day of a timestamp, as `YYYY-MM-DD` (used for windows set by scrubbing). */
export function toDayString(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function localDate(s: string): Date {
  const [y, m = 1, d = 1] = s.split("-").map(Number);
  return new Date(y, m - 1, d);
}

/** A partial date written with exactly its precision: "2016", "May 2015", "8 Jun 2016". */
export function formatPartialDate(s: string): string {
  const precision = precisionOf(s);
  const pattern = precision === "year" ? "yyyy" : precision === "month" ? "MMMM yyyy" : "d MMM yyyy";
  return format(localDate(s), pattern);
}

/** A start/end pair as a reader expects: "13–15 Oct 2025", "Apr–May 2022", "8 Jun 2016". */
export function formatSpan(start: string, end?: string): string {
  if (!end || end === start) return formatPartialDate(start);
  const a = localDate(start);
  const b = localDate(end);
  const sameYear = a.getFullYear() === b.getFullYear();
  if (precisionOf(start) === "day" && precisionOf(end) === "day" && sameYear) {
    if (a.getMonth() === b.getMonth()) return `${format(a, "d")}–${format(b, "d MMM yyyy")}`;
    return `${format(a, "d MMM")} – ${format(b, "d MMM yyyy")}`;
  }
  if (precisionOf(start) === "month" && precisionOf(end) === "month" && sameYear) {
    return `${format(a, "MMM")}–${format(b, "MMM yyyy")}`;
  }
  return `${formatPartialDate(start)} – ${formatPartialDate(end)}`;
}
