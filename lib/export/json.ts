import "server-only";
import type { DatasetIndex, IndexedEvent } from "../data/dataset";
import { dateCertaintyOf, inferredDateParts } from "../sources/certainty";
import type { DatePart, Event, Place } from "../data/schema";
import { quoteLink } from "../sources/sources";

/** A quote with, when the dataset lists its document, the document's title and the passage's page. */
export type PublicSource = Event["sources"][number] & { documentTitle?: string; passage?: string };

/**
 * The fields the API publishes for an event, as the README's API section lists them. An allow-list:
 * the index adds its own helpers to each event (positions, search text, milliseconds) as it grows,
 * and none of them may leak into a public answer by being forgotten in a deny-list.
 */
export const PUBLIC_EVENT_FIELDS = [
  "id",
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
 * always said, and with an inferred date the parts inferred (`["year"]` for a dataset that does not name them).
 */
export type PublicEvent = Omit<
  Pick<Event, (typeof PUBLIC_EVENT_FIELDS)[number] & keyof Event>,
  "place" | "sources" | "dateCertainty" | "dateInferred"
> & {
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

export function publicEvent(event: IndexedEvent, index: DatasetIndex): PublicEvent {
  const published: Record<string, unknown> = {};
  for (const field of PUBLIC_EVENT_FIELDS) {
    if (event[field] !== undefined) published[field] = event[field];
  }
  const inferred = inferredDateParts(event);
  return {
    ...(published as Omit<PublicEvent, "place" | "dateCertainty" | "dateInferred" | "sources">),
    dateCertainty: dateCertaintyOf(event),
    ...(inferred.length > 0 ? { dateInferred: inferred } : {}),
    place: publicPlace(event.place ? index.placeById.get(event.place) : undefined),
    sources: event.sources.map((source, i) => {
      const link = quoteLink(index, event, i);
      return link ? { ...source, documentTitle: link.title, passage: link.href } : source;
    }),
  };
}

export function toJson(events: IndexedEvent[], index: DatasetIndex) {
  return {
    total: index.events.length,
    matched: events.length,
    events: events.map((event) => publicEvent(event, index)),
  };
}
