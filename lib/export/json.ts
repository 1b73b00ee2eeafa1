import type { DatasetIndex, IndexedEvent } from "../dataset";
import type { Event, Place } from "../schema";

/** An event as the API publishes it: the contract's fields, with its place expanded. */
export type PublicEvent = Omit<Event, "place"> & { place: Place | null };

export function publicEvent(event: IndexedEvent, index: DatasetIndex): PublicEvent {
  // Copy only the contract's fields: the index's precomputed helpers stay private.
  const { startMs: _s, endMs: _e, country: _c, searchText: _t, place, ...fields } = event;
  return { ...fields, place: place ? (index.placeById.get(place) ?? null) : null };
}

export function toJson(events: IndexedEvent[], index: DatasetIndex) {
  return {
    total: index.events.length,
    matched: events.length,
    events: events.map((event) => publicEvent(event, index)),
  };
}
