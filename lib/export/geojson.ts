import "server-only";
import type { DatasetIndex, IndexedEvent } from "../data/dataset";
import { publicEvent, type PublicEvent } from "./json";

/** The public event with its place flattened into plain properties, as GIS tools expect. */
export type EventFeatureProperties = Omit<PublicEvent, "place"> & {
  placeId: string;
  placeName: string;
  placeNameZh: string;
  country: string;
};

export interface EventFeature {
  type: "Feature";
  id: string;
  geometry: { type: "Point"; coordinates: [lon: number, lat: number] };
  properties: EventFeatureProperties;
}

export interface EventFeatureCollection {
  type: "FeatureCollection";
  features: EventFeature[];
  /** Foreign members (RFC 7946 §6.1): how many events matched, and how many had no place to map. */
  total: number;
  matched: number;
  unmapped: number;
}

/** Mapped events as RFC 7946 Points ([lon, lat]); unmapped ones are counted, not drawn. */
export function toGeoJson(events: IndexedEvent[], index: DatasetIndex): EventFeatureCollection {
  const features: EventFeature[] = [];
  for (const event of events) {
    const { place, ...fields } = publicEvent(event, index);
    if (!place) continue;
    features.push({
      type: "Feature",
      id: event.id,
      geometry: { type: "Point", coordinates: [place.lon, place.lat] },
      properties: {
        ...fields,
        placeId: place.id,
        placeName: place.name,
        placeNameZh: place.nameZh,
        country: place.country,
      },
    });
  }
  return {
    type: "FeatureCollection",
    features,
    total: index.events.length,
    matched: events.length,
    unmapped: events.length - features.length,
  };
}
