import type { Place } from "../schema/schema";
import { closest } from "./closest";
import { slugify, type EventDraft, type PlaceRef } from "./events";
import { gazetteerKey, type Gazetteer, type GazetteerPlace } from "./gazetteer";
import type { TableRow } from "./table";

/** A place of the result, with the row that defined it (for problems the dataset's validation finds later). */
export interface PlaceEntry {
  place: Record<string, unknown>;
  row: TableRow;
  /** The place's fields → the row's columns: `name` is `place` in the events sheet, `name` in the places sheet. */
  columnOf: Record<string, string>;
  /** Whether the row gave a Chinese name (else the English one stands in). */
  hasChineseName: boolean;
}

/** Where an events row writes each field of its place. */
const INLINE_COLUMNS: Record<string, string> = {
  id: "place_id",
  name: "place",
  nameZh: "place_zh",
  country: "country",
  lat: "lat",
  lon: "lon",
};
const SHEET_COLUMNS: Record<string, string> = { id: "id", name: "name", nameZh: "name_zh", country: "country", lat: "lat", lon: "lon" };
/** A gazetteer town is taken without a question when it is this many times as populous as the next of its name. */
const DOMINANT = 10;

const describe = (p: GazetteerPlace) =>
  `${p.name}, ${p.country} (${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}; ${p.population.toLocaleString("en")} people)`;

function number(text: string, row: TableRow, key: string): number | undefined {
  const value = Number(text.replace(",", "."));
  if (text !== "" && Number.isFinite(value)) return value;
  row.report("bad-number", key);
  return undefined;
}

/**
 * Gives each event its place: an id from the places sheet; a place written out in the row (name or
 * id, lat, lon, country); or a bare name, found in the places sheet, among the places written out in
 * other rows, or in the gazetteer (ambiguous → the candidates, unknown → the nearest names). A place
 * written out twice differently is an error naming both rows.
 */
export async function resolvePlaces(
  drafts: EventDraft[],
  sheetRows: TableRow[],
  gazetteer?: () => Promise<Gazetteer>,
): Promise<PlaceEntry[]> {
  const byId = new Map<string, PlaceEntry>();
  const byName = new Map<string, PlaceEntry>();
  const add = (entry: PlaceEntry) => {
    // The dataset needs a Chinese name; said once, on the row that brought the place in.
    if (!entry.hasChineseName) entry.row.report("no-chinese-name", entry.columnOf.nameZh, { id: String(entry.place.id) }, "");
    byId.set(entry.place.id as string, entry);
    for (const name of [entry.place.name, entry.place.nameZh]) if (typeof name === "string") byName.set(gazetteerKey(name), entry);
  };

  for (const row of sheetRows) {
    const place = placeOf(
      row,
      {
        id: row.text("id"),
        name: row.text("name"),
        nameZh: row.text("name_zh"),
        country: row.text("country").toLowerCase(),
        lat: row.text("lat"),
        lon: row.text("lon"),
      },
      SHEET_COLUMNS,
    );
    const first = byId.get(place.id as string);
    if (first) row.report("duplicate-id", "id", { id: String(place.id), other: first.row.row });
    else add({ place, row, columnOf: SHEET_COLUMNS, hasChineseName: row.has("name_zh") });
  }

  // First the places written out with coordinates, so a bare name on an earlier row finds one written later.
  for (const { row, placeRef, record } of drafts) {
    if (!placeRef || (placeRef.lat === "" && placeRef.lon === "")) continue;
    if (!(placeRef.id || placeRef.name) || !placeRef.lat || !placeRef.lon || !placeRef.country) {
      row.report("place-incomplete", placeRef.id ? "place_id" : "place");
      continue;
    }
    const place = placeOf(row, placeRef, INLINE_COLUMNS);
    const first = byId.get(place.id as string);
    if (!first) add({ place, row, columnOf: INLINE_COLUMNS, hasChineseName: placeRef.nameZh !== "" });
    else {
      const field = ["name", "nameZh", "country", "lat", "lon"].find((f) => place[f] !== first.place[f]);
      if (field)
        row.report("place-conflict", INLINE_COLUMNS[field], {
          id: String(place.id),
          field: INLINE_COLUMNS[field],
          other: first.row.row,
          otherValue: String(first.place[field]),
        });
    }
    record.place = place.id;
  }

  const fromGazetteer = new Map<string, PlaceEntry | null>();
  for (const { row, placeRef, record } of drafts) {
    if (!placeRef || record.place !== undefined || placeRef.lat !== "" || placeRef.lon !== "") continue;
    const column = placeRef.id ? "place_id" : placeRef.name ? "place" : "place_zh";
    const known = (placeRef.id && byId.get(placeRef.id)) || byName.get(gazetteerKey(placeRef.name || placeRef.id || placeRef.nameZh));
    if (known) {
      record.place = known.place.id;
      continue;
    }
    // An id alone names a place of the places sheet, when there is one: not a town to look up.
    if (placeRef.id && !placeRef.name && sheetRows.length > 0) {
      row.report("unknown-place", "place_id", { name: placeRef.id, closest: closest(placeRef.id, byId.keys()).join(", ") });
      continue;
    }
    // A bare name: the gazetteer, once per name and country.
    const name = placeRef.name || placeRef.id.replace(/-/g, " ") || placeRef.nameZh;
    const key = `${gazetteerKey(name)}|${placeRef.country}`;
    if (!fromGazetteer.has(key)) fromGazetteer.set(key, await lookUp(row, column, name, placeRef, gazetteer));
    const entry = fromGazetteer.get(key);
    if (!entry) continue;
    if (!byId.has(entry.place.id as string)) add(entry);
    record.place = entry.place.id;
  }
  return [...byId.values()];
}

function placeOf(row: TableRow, ref: PlaceRef, columns: Record<string, string>): Record<string, unknown> {
  const id = ref.id || slugify(ref.name);
  return {
    id,
    name: ref.name || id,
    nameZh: ref.nameZh || ref.name || id,
    country: ref.country,
    lat: number(ref.lat, row, columns.lat),
    lon: number(ref.lon, row, columns.lon),
  } satisfies Partial<Place>;
}

async function lookUp(
  row: TableRow,
  column: string,
  name: string,
  ref: PlaceRef,
  load?: () => Promise<Gazetteer>,
): Promise<PlaceEntry | null> {
  const gazetteer = await load?.();
  const all = gazetteer?.lookup(name) ?? [];
  const candidates = ref.country ? all.filter((p) => p.country === ref.country) : all;
  if (candidates.length === 0) {
    row.report("unknown-place", column, { name, closest: (gazetteer?.closest(name) ?? []).join(", ") });
    return null;
  }
  const [best, next] = candidates;
  if (next && best.population < DOMINANT * next.population) {
    row.report("ambiguous-place", column, { name, candidates: candidates.slice(0, 5).map(describe).join("; ") });
    return null;
  }
  const others = candidates.slice(1, 4).map(describe).join("; ");
  row.report("place-from-gazetteer", column, { name, found: describe(best), others });
  const id = ref.id || slugify(best.name);
  const place = { id, name: best.name, nameZh: ref.nameZh || best.name, country: best.country, lat: best.lat, lon: best.lon };
  return { place, row, columnOf: INLINE_COLUMNS, hasChineseName: ref.nameZh !== "" };
}
