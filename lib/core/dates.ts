import { fill } from "../i18n/plural";
import { LANG_TAGS, type Lang } from "../i18n/lang";
import { periodStart, precisionOf } from "./time-window";

/*
 * Every date the reader sees is written here, on the server and in the browser alike (a dragged
 * window is relabelled on every step): `Intl.DateTimeFormat` supplies the month names and each
 * language's own marks (2015年, 5月, 8日), so no date library crosses to the client and no Chinese is
 * written outside the catalogues. The arithmetic lives in time-window.ts.
 */
export { eventPrecision, isPartialDate, periodEnd, periodStart, precisionOf, toDayString, type Precision } from "./time-window";

interface Fields {
  year?: boolean;
  month?: "short" | "long";
  day?: boolean;
}

/**
 * How each language puts a date's fields together. English writes "8 Jun 2016" (day first, so not
 * Intl's American "Jun 8, 2016"), a month alone in full ("May 2015"); Chinese writes the year first
 * with nothing between the fields, and months as numbers ("5月").
 */
const LAYOUT: Record<Lang, { yearFirst: boolean; gap: string; wholeMonth: "short" | "long" }> = {
  en: { yearFirst: false, gap: " ", wholeMonth: "long" },
  zh: { yearFirst: true, gap: "", wholeMonth: "short" },
};

const FIELDS = { year: { year: "numeric" }, day: { day: "numeric" }, short: { month: "short" }, long: { month: "long" } } as const;
type Field = keyof typeof FIELDS;
const formats = new Map<Lang, Record<Field, Intl.DateTimeFormat>>();

/** One field as the language writes it alone: "2016" / "2016年", "Jun" / "6月", "8" / "8日". */
function field(ms: number, lang: Lang, name: Field): string {
  let byField = formats.get(lang);
  if (!byField) {
    const make = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(LANG_TAGS[lang], { ...options, timeZone: "UTC" });
    formats.set(lang, (byField = { year: make(FIELDS.year), day: make(FIELDS.day), short: make(FIELDS.short), long: make(FIELDS.long) }));
  }
  return byField[name].format(ms);
}

function written(ms: number, lang: Lang, { year, month, day }: Fields): string {
  const parts: string[] = [];
  if (day) parts.push(field(ms, lang, "day"));
  if (month) parts.push(field(ms, lang, month));
  if (year) parts.push(field(ms, lang, "year"));
  const layout = LAYOUT[lang];
  return (layout.yearFirst ? parts.reverse() : parts).join(layout.gap);
}

const DAY: Fields = { year: true, month: "short", day: true };
const MONTH: Fields = { year: true, month: "short" };

/** A partial date written with exactly its precision: "2016", "May 2015", "8 Jun 2016"; "2015年5月". */
export function formatPartialDate(s: string, lang: Lang = "en"): string {
  const ms = periodStart(s);
  const precision = precisionOf(s);
  if (precision === "day") return written(ms, lang, DAY);
  if (precision === "month") return written(ms, lang, { year: true, month: LAYOUT[lang].wholeMonth });
  return written(ms, lang, { year: true });
}

/**
 * A start/end pair as a reader expects: "13–15 Oct 2025", "Apr–May 2022", "8 Jun 2016"; in Chinese
 * the shared year (and month) is written once, first: "2025年10月13日–15日", "2022年4月–5月". The
 * shortened side drops what the other side already says; the dash is spaced when that side still
 * has two fields ("5 Jul – 4 Aug 2016"), as between any two compound dates.
 */
export function formatSpan(start: string, end?: string, lang: Lang = "en"): string {
  if (!end || end === start) return formatPartialDate(start, lang);
  const precision = precisionOf(start);
  if (precision === precisionOf(end) && precision !== "year" && start.slice(0, 4) === end.slice(0, 4)) {
    const full = precision === "day" ? DAY : MONTH;
    const short: Fields =
      precision === "month" ? { month: "short" } : start.slice(0, 7) === end.slice(0, 7) ? { day: true } : { month: "short", day: true };
    const dash = short.month && short.day ? " – " : "–";
    const [a, b] = [periodStart(start), periodStart(end)];
    return LAYOUT[lang].yearFirst
      ? written(a, lang, full) + dash + written(b, lang, short)
      : written(a, lang, short) + dash + written(b, lang, full);
  }
  return `${formatPartialDate(start, lang)} – ${formatPartialDate(end, lang)}`;
}

/** The catalogue's words for a window open on one side, and for a span of whole years. */
export interface WindowWords {
  /** "since {date}" */
  since: string;
  /** "until {date}" */
  until: string;
  /** "{from}–{to}" / "{from}–{to}年" */
  yearSpan: string;
}

/**
 * The URL's window in words, at the precision its dates have: "2023–2025", "Apr–Sep 2019", "since
 * May 2015". The server writes the URL's window with it and the browser a dragged one, alike.
 */
export function rangeLabel(from: string | null, to: string | null, lang: Lang, words: WindowWords): string | null {
  if (from && to) {
    if (from === to) return formatPartialDate(from, lang);
    if (from.length === 4 && to.length === 4) return fill(words.yearSpan, { from, to });
    return formatSpan(from, to, lang);
  }
  if (from) return fill(words.since, { date: formatPartialDate(from, lang) });
  if (to) return fill(words.until, { date: formatPartialDate(to, lang) });
  return null;
}

export type PeriodUnit = "day" | "week" | "month" | "quarter" | "year";

/** The catalogue's words for periods no date format names: "the week of {date}", "Q{quarter} {year}". */
export interface PeriodWords {
  week: string;
  quarter: string;
}

/** A calendar period by its first instant (UTC): "4 Mar 2019", "the week of 4 Mar 2019", "Mar 2019", "Q1 2019", "2019". */
export function periodLabel(startMs: number, unit: PeriodUnit, lang: Lang, words: PeriodWords): string {
  const d = new Date(startMs);
  if (unit === "day") return written(startMs, lang, DAY);
  if (unit === "week") return fill(words.week, { date: written(startMs, lang, DAY) });
  if (unit === "month") return written(startMs, lang, MONTH);
  if (unit === "quarter") return fill(words.quarter, { quarter: d.getUTCMonth() / 3 + 1, year: d.getUTCFullYear() });
  return written(startMs, lang, { year: true });
}
