/**
 * The dates a curator writes, read into the dataset's `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. One row per
 * form; a form with the day and month in an order that cannot be told (`05/06/2015`) is refused
 * with both readings, never guessed. Whether the day is a real calendar day is the dataset's own
 * rule (lib/data/schema.ts), checked when the result is validated.
 */
export type DateRead =
  { ok: true; date: string } | { ok: false; code: "bad-date" } | { ok: false; code: "ambiguous-date"; a: string; b: string };

const pad = (n: string) => n.padStart(2, "0");
const ymd = (y: string, m?: string, d?: string) => [y, m && pad(m), m && d && pad(d)].filter(Boolean).join("-");

const DATE_FORMS: { form: RegExp; read: (m: RegExpMatchArray) => DateRead }[] = [
  // 2015, 2015-05, 2015-5-18, 2015/5/18, 2015.5.18 (year first: never ambiguous)
  { form: /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/, read: (m) => ({ ok: true, date: ymd(m[1], m[2], m[3]) }) },
  // 2015年, 2015年5月, 2015年5月18日
  { form: /^(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?$/, read: (m) => ({ ok: true, date: ymd(m[1], m[2], m[3]) }) },
  // 18/5/2015 or 5/18/2015: told apart only when one number cannot be a month
  {
    form: /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/,
    read: ([, first, second, y]) => {
      const dayFirst = ymd(y, second, first);
      const monthFirst = ymd(y, first, second);
      if (dayFirst === monthFirst || Number(first) > 12) return { ok: true, date: dayFirst };
      if (Number(second) > 12) return { ok: true, date: monthFirst };
      return { ok: false, code: "ambiguous-date", a: dayFirst, b: monthFirst };
    },
  },
  // An ISO timestamp (what some tools write for a date): its day
  { form: /^(\d{4})-(\d{2})-(\d{2})T[\d:.]+Z?$/, read: (m) => ({ ok: true, date: ymd(m[1], m[2], m[3]) }) },
];

export function readDate(text: string): DateRead {
  const trimmed = text.trim().normalize("NFKC");
  for (const { form, read } of DATE_FORMS) {
    const match = trimmed.match(form);
    if (match) return read(match);
  }
  return { ok: false, code: "bad-date" };
}

/** An .xlsx date cell: a day, or a month or year when the cell's number format shows no day (or no month). */
export function spreadsheetDate(date: Date, numFmt = ""): string {
  const day = date.toISOString().slice(0, 10);
  const format = numFmt.replace(/"[^"]*"|\[[^\]]*\]/g, "").toLowerCase();
  if (format && !/d/.test(format)) return /m/.test(format) ? day.slice(0, 7) : day.slice(0, 4);
  return day;
}
