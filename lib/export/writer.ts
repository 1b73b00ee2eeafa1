import "server-only";
import type { Names, StoredEvent } from "../data/dataset";
import type { Lang } from "../i18n/lang";

/**
 * What every export needs besides its events: the dataset's names and size, the reader's language,
 * and the site for absolute links.
 */
export interface ExportContext {
  names: Names;
  /** Events in the dataset (JSON and GeoJSON say it beside the matches). */
  total: number;
  lang: Lang;
  /** The site's origin (`https://example.org`): exported links leave the site, so they are absolute. */
  site: string;
}

/**
 * An export format in pieces, so that a whole file can be written a slice of events at a time
 * (`stream.ts`): the text before the events, each event's text (its separator included, "" for an
 * event the format leaves out), and the text after them, which may count what was written.
 */
export interface ExportWriter {
  head: string;
  event(event: StoredEvent): string;
  tail(): string;
}

/** The whole file in one string: for small answers and tests. */
export function writeAll(writer: ExportWriter, events: Iterable<StoredEvent>): string {
  const parts = [writer.head];
  for (const event of events) parts.push(writer.event(event));
  parts.push(writer.tail());
  return parts.join("");
}
