import { format } from "date-fns";
import { zhCN } from "date-fns/locale";
import type { Lang } from "./lang";
import { precisionOf } from "./time-window";

// Server-side date formatting (date-fns stays off the client). The arithmetic lives in time-window.ts.
export { eventPrecision, isPartialDate, periodEnd, periodStart, precisionOf, toDayString, type Precision } from "./time-window";

function localDate(s: string): Date {
  const [y, m = 1, d = 1] = s.split("-").map(Number);
  return new Date(y, m - 1, d);
}

/** The date-fns patterns of each language: English abbreviates months, Chinese writes 年月日. */
const PATTERNS = {
  en: { year: "yyyy", month: "MMMM yyyy", day: "d MMM yyyy", dayOnly: "d", dayMonth: "d MMM", monthOnly: "MMM", monthYear: "MMM yyyy" },
  zh: { year: "yyyy年", month: "yyyy年M月", day: "yyyy年M月d日", dayOnly: "d日", dayMonth: "M月d日", monthOnly: "M月", monthYear: "yyyy年M月" },
} as const;

const fmt = (d: Date, lang: Lang, pattern: keyof (typeof PATTERNS)["en"]) =>
  format(d, PATTERNS[lang][pattern], lang === "zh" ? { locale: zhCN } : undefined);

/** A partial date written with exactly its precision: "2016", "May 2015", "8 Jun 2016"; "2015年5月". */
export function formatPartialDate(s: string, lang: Lang = "en"): string {
  return fmt(localDate(s), lang, precisionOf(s));
}

/**
 * A start/end pair as a reader expects: "13–15 Oct 2025", "Apr–May 2022", "8 Jun 2016";
 * in Chinese the shared year (and month) is written once, first: "2025年10月13日–15日", "2022年4月–5月".
 */
export function formatSpan(start: string, end?: string, lang: Lang = "en"): string {
  if (!end || end === start) return formatPartialDate(start, lang);
  const a = localDate(start);
  const b = localDate(end);
  const sameYear = a.getFullYear() === b.getFullYear();
  const zh = lang === "zh";
  if (precisionOf(start) === "day" && precisionOf(end) === "day" && sameYear) {
    if (a.getMonth() === b.getMonth()) return zh ? `${fmt(a, lang, "day")}–${fmt(b, lang, "dayOnly")}` : `${fmt(a, lang, "dayOnly")}–${fmt(b, lang, "day")}`;
    return zh ? `${fmt(a, lang, "day")} – ${fmt(b, lang, "dayMonth")}` : `${fmt(a, lang, "dayMonth")} – ${fmt(b, lang, "day")}`;
  }
  if (precisionOf(start) === "month" && precisionOf(end) === "month" && sameYear) {
    return zh ? `${fmt(a, lang, "monthYear")}–${fmt(b, lang, "monthOnly")}` : `${fmt(a, lang, "monthOnly")}–${fmt(b, lang, "monthYear")}`;
  }
  return `${formatPartialDate(start, lang)} – ${formatPartialDate(end, lang)}`;
}
