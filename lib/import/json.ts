import { sheetKind } from "./columns";
import { slugify } from "./events";

/** The dataset's records found in JSON input, by kind, each record with where it came from (file, record number). */
export interface JsonRecords {
  events: Located[];
  places: Located[];
  organizations: Located[];
  categories: Located[];
}

export interface Located {
  record: Record<string, unknown>;
  file: string;
  /** The record's number in its file, first = 1. */
  number: number;
}

/** Fields the API's exports add to an event (links, a document's title), which the dataset does not keep. */
const EXPORT_ONLY_FIELDS = ["url"];
const EXPORT_ONLY_SOURCE_FIELDS = ["documentTitle", "passage"];
/** GeoJSON properties that describe the feature's place rather than the event (lib/export/geojson.ts). */
const FEATURE_PLACE_FIELDS = ["placeId", "placeName", "placeNameZh", "country"];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function omit(record: Record<string, unknown>, fields: string[]) {
  return Object.fromEntries(Object.entries(record).filter(([k]) => !fields.includes(k)));
}

/** An event of an export: the dataset's fields, its expanded place pulled out into `places`. */
function exportedEvent(raw: Record<string, unknown>, file: string, number: number, into: JsonRecords) {
  const record = omit(raw, EXPORT_ONLY_FIELDS);
  if (Array.isArray(record.sources)) record.sources = record.sources.map((s) => (isObject(s) ? omit(s, EXPORT_ONLY_SOURCE_FIELDS) : s));
  if (isObject(record.place)) {
    into.places.push({ record: record.place, file, number });
    record.place = record.place.id;
  }
  if (record.place === null) delete record.place;
  into.events.push({ record, file, number });
}

/** A GeoJSON point feature (as `format=geojson` writes it, or any with the event's fields as properties). */
function featureEvent(feature: Record<string, unknown>, file: string, number: number, into: JsonRecords) {
  const properties = isObject(feature.properties) ? feature.properties : {};
  const geometry = isObject(feature.geometry) ? feature.geometry : {};
  const event: Record<string, unknown> = {
    ...(feature.id !== undefined ? { id: feature.id } : {}),
    ...omit(properties, FEATURE_PLACE_FIELDS),
  };
  const [lon, lat] = Array.isArray(geometry.coordinates) ? geometry.coordinates : [];
  if (geometry.type === "Point") {
    const name = String(properties.placeName ?? "");
    const id = String(properties.placeId ?? slugify(name));
    into.places.push({ record: { id, name, nameZh: properties.placeNameZh ?? name, country: properties.country, lat, lon }, file, number });
    event.place = id;
    event.placeCertainty ??= "stated";
  }
  exportedEvent(event, file, number, into);
}

/**
 * Sorts parsed JSON into the dataset's records: a data file (`events.json`, `places.json` … by
 * name), an export of `/api/events` (`{events: [...]}` with places expanded), or a GeoJSON
 * FeatureCollection of points. Returns false when the JSON is none of these.
 */
export function collectJson(json: unknown, file: string, into: JsonRecords): boolean {
  const base = file.replace(/^.*[\\/]/, "").replace(/\.(geo)?json$/i, "");
  if (isObject(json) && json.type === "FeatureCollection" && Array.isArray(json.features)) {
    json.features.forEach((f, i) => featureEvent(isObject(f) ? f : {}, file, i + 1, into));
    return true;
  }
  if (isObject(json) && Array.isArray(json.events)) {
    json.events.forEach((e, i) => exportedEvent(isObject(e) ? e : { value: e }, file, i + 1, into));
    return true;
  }
  if (!Array.isArray(json)) return false;
  const kind = sheetKind(base) ?? "events";
  json.forEach((item, i) => {
    if (kind === "events") exportedEvent(isObject(item) ? item : { value: item }, file, i + 1, into);
    else into[kind].push({ record: isObject(item) ? item : { value: item }, file, number: i + 1 });
  });
  return true;
}
