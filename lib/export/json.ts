import "server-only";
import type { DatasetIndex, StoredEvent } from "../data/dataset";
import { dateCertaintyOf, inferredDateParts } from "../sources/certainty";
import type { DatePart, Event, Place } from "../data/schema";
import type { Lang } from "../i18n/lang";
import { FALLBACK_SITE_URL } from "../http/site-url";
import { eventUrl, passageLink } from "./links";
import { writeAll, type ExportContext, type ExportWriter } from "./writer";

/** A quote with, when the dataset lists its document, the document's title and the passage's absolute link. */
export type PublicSource = Event["sources"][number] & { documentTitle?: string; passage?: string };

/**
 * The fields the API publishes for an event, as the README's API section lists them. An allow-list:
 * the index adds its own helpers to each event (positions, search text, milliseconds) as it grows,
 * and none of them may leak into a public answer by being forgotten in a deny-list.
 */
export const PUBLIC_EVENT_FIELDS = [
  "id",
  "url",
  "title",
  "titleZh",
  "titleZhSource",
  "summary",
  "start",
  "end",
  "dateCertainty",
  "dateInferred",
  "place",
  "placeCertainty",
  "online",
  "category",
  "organizations",
  "people",
  "figures",
  "sources",
] as const;

/**
 * An event as the API publishes it: the contract's fields, its place expanded, its date certainty
 * always said, with an inferred date the parts inferred (`["year"]` for a dataset that does not name
 * them), and its link.
 */
export type PublicEvent = Omit<
  Pick<Event, (typeof PUBLIC_EVENT_FIELDS)[number] & keyof Event>,
  "place" | "sources" | "dateCertainty" | "dateInferred"
> & {
  /** The event open on the dashboard, absolute. */
  url: string;
  place: Place | null;
  dateCertainty: "stated" | "inferred";
  dateInferred?: DatePart[];
  sources: PublicSource[];
};

// The list and the type name the same fields: adding one to either without the other fails to compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const listedIsTyped: Same<(typeof PUBLIC_EVENT_FIELDS)[number], keyof PublicEvent> = true;
void listedIsTyped;

/** The place as the data contract describes it, whatever else the index keeps with it. */
function publicPlace(place: Place | undefined): Place | null {
  if (!place) return null;
  const { id, name, nameZh, country, lat, lon } = place;
  return { id, name, nameZh, country, lat, lon };
}

export function publicEvent(event: StoredEvent, context: ExportContext): PublicEvent {
  const record = event as unknown as Record<string, unknown>;
  const published: Record<string, unknown> = {};
  for (const field of PUBLIC_EVENT_FIELDS) if (record[field] !== undefined) published[field] = record[field];
  const inferred = inferredDateParts(event);
  return {
    id: event.id,
    url: eventUrl(context, event.id),
    // `id` and `url` first, for a reader scanning the file; `published` repeats the same `id`.
    ...(published as Omit<PublicEvent, "id" | "url" | "place" | "dateCertainty" | "dateInferred" | "sources">),
    dateCertainty: dateCertaintyOf(event),
    ...(inferred.length > 0 ? { dateInferred: inferred } : {}),
    place: publicPlace(event.place ? context.names.placeById.get(event.place) : undefined),
    sources: event.sources.map((source, i) => {
      const link = passageLink(context, event, i);
      return link ? { ...source, documentTitle: link.title, passage: link.href } : source;
    }),
  };
}

/** `{"total": …, "matched": …, "events": [ … ]}`, written an event at a time: the counts are known before the events. */
export function jsonWriter(context: ExportContext, matched: number): ExportWriter {
  let first = true;
  return {
    head: `{"total":${context.total},"matched":${matched},"events":[`,
    event: (event) => {
      const text = (first ? "" : ",") + JSON.stringify(publicEvent(event, context));
      first = false;
      return text;
    },
    tail: () => "]}",
  };
}

export function toJson(events: StoredEvent[], index: DatasetIndex, lang: Lang = "en", site = FALLBACK_SITE_URL): string {
  return writeAll(jsonWriter({ names: index, total: index.events.length, lang, site }, events.length), events);
}
