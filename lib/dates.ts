import { format } from "date-fns";
import { precisionOf } from "./time-window";

// Server-side date formatting (date-fns stays off the client). The arithmetic lives in time-window.ts.
export { isPartialDate, periodEnd, periodStart, precisionOf, toDayString, type Precision } from "./time-window";

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
