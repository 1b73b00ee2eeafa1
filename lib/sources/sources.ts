import type { Lang } from "../i18n/lang";
import { withBack } from "../query/back";
import type { Names } from "../data/dataset";
import type { Event, SourceDocument } from "../data/schema";

/**
 * Source documents as a reader opens them: where each quote sits in its document's text, the
 * text cut into plain and quoted pieces, and the links between quotes and events.
 */

/** One place a quote occurs in a document. */
export interface QuoteSpan {
  eventId: string;
  /** Index of the quote in the event's `sources`. */
  quoteIndex: number;
  start: number;
  end: number;
  /** The element id of this occurrence: see `quoteAnchor`. */
  anchor: string;
}

/** A run of text, either plain or inside one or more quotes. */
export interface Segment {
  text: string;
  /** Quotes covering the run, earliest-starting first; empty for plain text. */
  quotes: QuoteSpan[];
  /** Quotes that begin at this run: their anchors go here. */
  starts: QuoteSpan[];
}

/**
 * `q-<event id>--<n>`, n counting the event's quotes from 1; a second occurrence of the same quote
 * (a document repeating itself) adds `--2`. Event ids are slugs, which never contain `--`, so no
 * two quotes can share an anchor.
 */
export function quoteAnchor(eventId: string, quoteIndex: number, occurrence = 0): string {
  return `q-${eventId}--${quoteIndex + 1}${occurrence > 0 ? `--${occurrence + 1}` : ""}`;
}

/** The source page of a document. */
export function sourcePath(documentId: string): string {
  return `/sources/${encodeURIComponent(documentId)}`;
}

/** `?lang=zh` for Chinese; English, the default, stays out of URLs. */
const langQuery = (lang: Lang, joiner: "?" | "&") => (lang === "en" ? "" : `${joiner}lang=${lang}`);

/** The index of the source documents: what the dataset covers. */
export const SOURCES_INDEX = "/sources";

/**
 * A page about the data (`SOURCES_INDEX`, or `sourcePath(id)`) in the reader's language, carrying
 * the dashboard view to lead back to (`back`, see lib/query/back.ts).
 */
export function sourcesHref(path: string, lang: Lang, back = ""): string {
  return withBack(`${path}${langQuery(lang, "?")}`, back);
}

/** The passage an event's quote points to: `/sources/<document id>#q-<event id>--<n>`, in the reader's language. */
export function quoteHref(documentId: string, eventId: string, quoteIndex: number, lang: Lang = "en"): string {
  return `${sourcePath(documentId)}${langQuery(lang, "?")}#${quoteAnchor(eventId, quoteIndex)}`;
}

/** Back to the dashboard with the event open, in the reader's language. */
export function eventHref(eventId: string, lang: Lang = "en"): string {
  return `/?event=${encodeURIComponent(eventId)}${langQuery(lang, "&")}`;
}

/** The document an event's `sources[].document` names (its file name), if the dataset lists it. */
export function sourceDocument(index: Pick<Names, "sourceByFile">, document: string): SourceDocument | undefined {
  return index.sourceByFile.get(document);
}

/** What a reader sees for a cited document: its title when the dataset lists it, else the name as cited. */
export function documentTitle(index: Pick<Names, "sourceByFile">, document: string): string {
  return sourceDocument(index, document)?.title ?? document;
}

/** Link and title for one quote of an event, or null when its document has no page (no `sources.json`). */
export function quoteLink(
  index: Pick<Names, "sourceByFile">,
  event: Pick<Event, "id" | "sources">,
  quoteIndex: number,
  lang: Lang = "en",
): { href: string; title: string } | null {
  const cited = event.sources[quoteIndex];
  const doc = cited && sourceDocument(index, cited.document);
  return doc ? { href: quoteHref(doc.id, event.id, quoteIndex, lang), title: doc.title } : null;
}

/** Every offset at which `quote` occurs in `text` (non-overlapping, left to right). */
export function findQuote(text: string, quote: string): number[] {
  const found: number[] = [];
  if (!quote) return found;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + quote.length)) found.push(at);
  return found;
}

/** Where every quote citing `file` occurs in its text, in text order; quotes not found are left out. */
export function quoteSpans(events: Iterable<Pick<Event, "id" | "sources">>, file: string, text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  for (const event of events) {
    event.sources.forEach(({ document, quote }, quoteIndex) => {
      if (document !== file) return;
      findQuote(text, quote).forEach((start, occurrence) => {
        spans.push({
          eventId: event.id,
          quoteIndex,
          start,
          end: start + quote.length,
          anchor: quoteAnchor(event.id, quoteIndex, occurrence),
        });
      });
    });
  }
  return spans.sort((a, b) => a.start - b.start || b.end - a.end || a.anchor.localeCompare(b.anchor));
}

/**
 * The text as paragraphs (its non-blank lines) of segments. Quotes may overlap one another or run
 * across lines: the text is cut at every quote boundary, and each piece lists the quotes over it.
 */
export function segmentParagraphs(text: string, spans: QuoteSpan[]): Segment[][] {
  const paragraphs: Segment[][] = [];
  const lines = /[^\r\n]+/g;
  for (let line = lines.exec(text); line; line = lines.exec(text)) {
    if (!line[0].trim()) continue;
    paragraphs.push(segmentRange(text, line.index, line.index + line[0].length, spans));
  }
  return paragraphs;
}

function segmentRange(text: string, from: number, to: number, spans: QuoteSpan[]): Segment[] {
  const inside = spans.filter((s) => s.start < to && s.end > from);
  const cuts = new Set([from, to]);
  for (const s of inside) {
    if (s.start > from) cuts.add(s.start);
    if (s.end < to) cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    segments.push({
      text: text.slice(a, b),
      quotes: inside.filter((s) => s.start <= a && s.end >= b),
      // A quote that began on an earlier line is anchored there, not again here.
      starts: inside.filter((s) => s.start === a),
    });
  }
  return segments;
}

/** A citing quote as listed under a document: found (with its anchor) or missing from the text. */
export interface CitingQuote {
  eventId: string;
  eventTitle: string;
  eventTitleZh?: string;
  quoteIndex: number;
  quote: string;
  anchor: string | null;
}

export interface SourcePage {
  document: SourceDocument;
  paragraphs: Segment[][];
  citing: CitingQuote[];
}

/** Everything the page of one document shows, or null for an unknown id or a document not loaded. */
export function sourcePage(
  index: {
    sourceById: ReadonlyMap<string, SourceDocument>;
    sourceTexts: ReadonlyMap<string, string>;
    events: readonly Pick<Event, "id" | "sources" | "title" | "titleZh">[];
  },
  id: string,
): SourcePage | null {
  const document = index.sourceById.get(id);
  const text = document && index.sourceTexts.get(document.file);
  if (!document || text === undefined) return null;
  const spans = quoteSpans(index.events, document.file, text);
  const citing: CitingQuote[] = [];
  for (const event of index.events) {
    event.sources.forEach(({ document: file, quote }, quoteIndex) => {
      if (file !== document.file) return;
      const anchor = quoteAnchor(event.id, quoteIndex);
      citing.push({
        eventId: event.id,
        eventTitle: event.title,
        eventTitleZh: event.titleZh,
        quoteIndex,
        quote,
        anchor: spans.some((s) => s.anchor === anchor) ? anchor : null,
      });
    });
  }
  return { document, paragraphs: segmentParagraphs(text, spans), citing };
}
