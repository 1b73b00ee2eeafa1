import type { DatasetIndex, IndexedEvent } from "../dataset";
import { dateCertaintyOf } from "../certainty";
import type { Event, Place } from "../schema";
import { quoteLink } from "../sources";

/** A quote with, when the dataset lists its document, the document's title and the passage's page. */
export type PublicSource = Event["sources"][number] & { documentTitle?: string; passage?: string };

/** An event as the API publishes it: the contract's fields, its place expanded, its date certainty always said. */
export type PublicEvent = Omit<Event, "place" | "sources" | "dateCertainty"> & {
  place: Place | null;
  dateCertainty: "stated" | "inferred";
  sources: PublicSource[];
};

export function publicEvent(event: IndexedEvent, index: DatasetIndex): PublicEvent {
  // Copy only the contract's fields: the index's precomputed helpers stay private.
  const { startMs: _s, endMs: _e, startYear: _sy, endYear: _ey, startMonth: _sm, endMonth: _em, country: _c, searchText: _t, place, sources, ...fields } = event;
  return {
    ...fields,
    dateCertainty: dateCertaintyOf(event),
    place: place ? (index.placeById.get(place) ?? null) : null,
    sources: sources.map((source, i) => {
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
