import "server-only";
import type { DatasetIndex, Names, StoredEvent } from "../data/dataset";
import { translator } from "../i18n/translator";
import { nameById, nameIn, type Lang } from "../i18n/lang";
import { eventPrecision, formatSpan } from "../core/dates";
import { figureTexts } from "../view/figures";
import { dateInferredNote } from "../view/detail";
import { documentTitle } from "../sources/sources";
import { FALLBACK_SITE_URL } from "../http/site-url";
import { eventUrl } from "./links";
import { writeAll, type ExportContext, type ExportWriter } from "./writer";

export interface IcsOptions {
  calendarName: string;
  /** When the file was generated; passed in so the same input always gives the same output. */
  dtstamp: Date;
  /** Titles, places and categories in Chinese for "zh"; English by default. */
  lang?: Lang;
  /** The site's origin, for each event's link back (`URL`); http://localhost:3000 by default. */
  site?: string;
}

const CRLF = "\r\n";
const MAX_OCTETS = 75;
const UID_DOMAIN = "edu-coop-timeline";

/** RFC 5545 §3.3.11 TEXT: backslash, semicolon and comma escaped; line breaks as `\n`. */
export function escapeText(s: string): string {
  return s
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * RFC 5545 §3.1: lines longer than 75 octets are folded with CRLF + one space. The limit is
 * in UTF-8 bytes, and a fold must never fall inside a multi-byte character.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0)!);
    if (octets + size > MAX_OCTETS) {
      parts.push(current);
      current = " ";
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}

/** `20160608T093000Z` */
function utcStamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** `20160608`: the UTC calendar day of a timestamp. */
function dayValue(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10).replace(/-/g, "");
}

/** For dates coarser than a day the all-day span covers the whole period; say so to the reader. */
function precisionNote(event: StoredEvent): string | undefined {
  const coarsest = eventPrecision(event);
  if (coarsest === "day") return undefined;
  const noun = event.end && event.end !== event.start ? "Dates" : "Date";
  return `${noun} known to the ${coarsest}: ${formatSpan(event.start, event.end)}`;
}

function description(event: StoredEvent, index: Names): string {
  const figures = figureTexts(event.figures);
  const inferredNote = dateInferredNote(event);
  return [
    event.summary,
    event.titleZh,
    precisionNote(event),
    inferredNote ? `Date: ${inferredNote}` : undefined,
    figures.length > 0 ? `Figures: ${figures.join("; ")}` : undefined,
    ...event.sources.map((s) => `Source: ${documentTitle(index, s.document)} — “${s.quote}”`),
  ]
    .filter((line): line is string => Boolean(line))
    .join("\n");
}

function vevent(event: StoredEvent, context: ExportContext, dtstamp: string): string[] {
  const { names: index, lang } = context;
  const zh = lang === "zh";
  const place = event.place ? index.placeById.get(event.place) : undefined;
  const lines = [
    "BEGIN:VEVENT",
    `UID:${event.id}@${UID_DOMAIN}`,
    `DTSTAMP:${dtstamp}`,
    // All-day dates with an exclusive end: the day after the period's last day.
    `DTSTART;VALUE=DATE:${dayValue(event.startMs)}`,
    `DTEND;VALUE=DATE:${dayValue(event.endMs + 1)}`,
    `SUMMARY:${escapeText(zh && event.titleZh ? event.titleZh : event.title)}`,
    `DESCRIPTION:${escapeText(description(event, index))}`,
  ];
  if (place) {
    lines.push(`LOCATION:${escapeText(`${nameIn(lang, place)}, ${place.country.toUpperCase()}`)}`);
    lines.push(`GEO:${place.lat};${place.lon}`);
  } else if (event.online) {
    lines.push(`LOCATION:${translator(lang)("detail.online")}`);
  }
  lines.push(`CATEGORIES:${escapeText(nameById(lang, index.categoryById, event.category))}`);
  // RFC 5545 §3.8.4.6: a URI value, not TEXT, so it is not escaped.
  lines.push(`URL:${eventUrl(context, event.id)}`);
  lines.push("TRANSP:TRANSPARENT", "END:VEVENT");
  return lines;
}

/** An RFC 5545 calendar: one all-day VEVENT per event, CRLF line endings, folded by octets. */
export function icsWriter(context: ExportContext, options: Pick<IcsOptions, "calendarName" | "dtstamp">): ExportWriter {
  const dtstamp = utcStamp(options.dtstamp);
  const lines = (ls: string[]) => ls.map((line) => foldLine(line) + CRLF).join("");
  return {
    head: lines([
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//edu-coop-timeline//China-UNESCO education events//EN",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
      `X-WR-CALNAME:${escapeText(options.calendarName)}`,
    ]),
    event: (event) => lines(vevent(event, context, dtstamp)),
    tail: () => lines(["END:VCALENDAR"]),
  };
}

export function toIcs(events: StoredEvent[], index: DatasetIndex, options: IcsOptions): string {
  const context = { names: index, total: index.events.length, lang: options.lang ?? "en", site: options.site ?? FALLBACK_SITE_URL };
  return writeAll(icsWriter(context, options), events);
}
