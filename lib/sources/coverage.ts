import type { DatasetIndex } from "../data/dataset";
import type { SourceDocument } from "../data/schema";
import { byDate, type Dated } from "../core/date-order";

/**
 * What the dataset covers, counted from its records: how many events, from which documents, how
 * many per document, the years they span. Readers need it to tell a gap in the documents from a gap
 * in what happened.
 */

/** The years an event or a set of events spans, or null for none. */
export interface YearSpan {
  first: number;
  last: number;
}

export interface DocumentCoverage {
  /** The file name events cite it by. */
  file: string;
  /** Its entry in `sources.json`; absent when the dataset cites a file it does not list. */
  document?: SourceDocument;
  /** Events citing it. */
  events: number;
  /** Events citing no other document: what the dataset would lose without it. */
  only: number;
  /** Quotes taken from it. */
  quotes: number;
  years: YearSpan | null;
}

export interface Coverage {
  events: number;
  years: YearSpan | null;
  /** Events without a place on the map (held online, or no place stated). */
  unmapped: number;
  /** Cited documents (most events first), then listed documents no event cites. */
  documents: DocumentCoverage[];
  /** How many documents at least one event cites. */
  cited: number;
}

const widen = (span: YearSpan | null, first: number, last: number): YearSpan =>
  span ? { first: Math.min(span.first, first), last: Math.max(span.last, last) } : { first, last };

/** The fields of an event coverage reads (a store may count from these alone). */
export type CoveredEvent = Pick<DatasetIndex["events"][number], "startYear" | "endYear" | "place" | "sources">;

/**
 * Coverage counted one event at a time, in any order: `order` is the event's place in date order
 * (a loader streaming a file in its own order passes the event's span and id). Listed documents keep
 * their listing order, others the order they are first cited in (in date order).
 */
export function coverageCounter(sources: readonly SourceDocument[] | undefined) {
  const byFile = new Map<string, DocumentCoverage & { first?: Dated }>();
  const entry = (file: string, document?: SourceDocument) => {
    let found = byFile.get(file);
    if (!found) byFile.set(file, (found = { file, document, events: 0, only: 0, quotes: 0, years: null }));
    return found;
  };
  // Listed documents first, in their listing order: ties in the count below keep that order.
  for (const document of sources ?? []) entry(document.file, document);
  let years: YearSpan | null = null;
  let unmapped = 0;
  let events = 0;
  return {
    add(event: CoveredEvent, order: Dated) {
      events++;
      years = widen(years, event.startYear, event.endYear);
      if (!event.place) unmapped++;
      const files = new Set<string>();
      for (const { document } of event.sources) {
        const doc = entry(document);
        doc.quotes++;
        if (!doc.document && (!doc.first || byDate(order, doc.first) < 0)) doc.first = order;
        files.add(document);
      }
      for (const file of files) {
        const doc = entry(file);
        doc.events++;
        if (files.size === 1) doc.only++;
        doc.years = widen(doc.years, event.startYear, event.endYear);
      }
    },
    result(): Coverage {
      const all = [...byFile.values()];
      const listed = all.filter((d) => d.document);
      const unlisted = all.filter((d) => !d.document).sort((a, b) => byDate(a.first!, b.first!));
      const documents = [...listed, ...unlisted].map(({ first: _, ...doc }) => doc).sort((a, b) => b.events - a.events);
      return { events, years, unmapped, documents, cited: documents.filter((d) => d.events > 0).length };
    },
  };
}

/** `events` in date order: listed documents keep their listing order, others the order they are first cited in. */
export function coverageOf(index: { events: readonly CoveredEvent[]; dataset: Pick<DatasetIndex["dataset"], "sources"> }): Coverage {
  const counter = coverageCounter(index.dataset.sources);
  // The events come in date order: their position is their order.
  index.events.forEach((event, i) => counter.add(event, { startMs: i, endMs: 0, id: "" }));
  return counter.result();
}
