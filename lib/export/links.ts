import "server-only";
import type { StoredEvent } from "../data/dataset";
import { eventHref, quoteLink } from "../sources/sources";
import type { ExportContext } from "./writer";

// Exported files leave the site (a spreadsheet, a GIS layer, a calendar), so their links are absolute:
// the site's origin before the paths the pages link to, in the export's language.

/** The event open on the dashboard: `https://example.org/?event=<id>`. */
export function eventUrl(context: ExportContext, eventId: string): string {
  return context.site + eventHref(eventId, context.lang);
}

/** The passage one quote of an event points to in its source page, with the document's title; null when the document has no page. */
export function passageLink(
  context: ExportContext,
  event: Pick<StoredEvent, "id" | "sources">,
  quoteIndex: number,
): { href: string; title: string } | null {
  const link = quoteLink(context.names, event, quoteIndex, context.lang);
  return link && { href: context.site + link.href, title: link.title };
}
