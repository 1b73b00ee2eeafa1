import "server-only";
import type { DatasetIndex, StoredEvent } from "../data/dataset";
import type { Lang } from "../i18n/lang";
import { FALLBACK_SITE_URL } from "../http/site-url";
import { publicEvent, type PublicEvent } from "./json";
import { writeAll, type ExportContext, type ExportWriter } from "./writer";

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

/** An event as an RFC 7946 Point ([lon, lat]), or null for an unmapped one. */
export function eventFeature(event: StoredEvent, context: ExportContext): EventFeature | null {
  // Checked before the event is published: in a large export, unmapped events cost nothing.
  if (!event.place || !context.names.placeById.has(event.place)) return null;
  const { place, ...fields } = publicEvent(event, context);
  if (!place) return null;
  return {
    type: "Feature",
    id: event.id,
    geometry: { type: "Point", coordinates: [place.lon, place.lat] },
    properties: { ...fields, placeId: place.id, placeName: place.name, placeNameZh: place.nameZh, country: place.country },
  };
}

/**
 * Mapped events as a FeatureCollection; unmapped ones are counted, not drawn. The counts follow the
 * features, so the collection is written an event at a time and `unmapped` counted on the way.
 */
export function geoJsonWriter(context: ExportContext, matched: number): ExportWriter {
  let written = 0;
  let unmapped = 0;
  return {
    head: `{"type":"FeatureCollection","features":[`,
    event: (event) => {
      const feature = eventFeature(event, context);
      if (!feature) {
        unmapped++;
        return "";
      }
      return (written++ === 0 ? "" : ",") + JSON.stringify(feature);
    },
    tail: () => `],"total":${context.total},"matched":${matched},"unmapped":${unmapped}}`,
  };
}

export function toGeoJson(events: StoredEvent[], index: DatasetIndex, lang: Lang = "en", site = FALLBACK_SITE_URL): string {
  return writeAll(geoJsonWriter({ names: index, total: index.events.length, lang, site }, events.length), events);
}
