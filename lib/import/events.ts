import { periodStart } from "../core/time-window";
import { FIGURE_QUALIFIERS } from "../schema/schema";
import { readDate } from "./dates";
import { isSpreadsheetDate } from "./sheet";
import type { TableRow } from "./table";

/** What one row of the events sheet says about its place, resolved later against all rows (lib/import/places.ts). */
export interface PlaceRef {
  id: string;
  name: string;
  nameZh: string;
  country: string;
  lat: string;
  lon: string;
}

/** An event as read from its row, before its place is resolved and the dataset validates it. */
export interface EventDraft {
  row: TableRow;
  record: Record<string, unknown>;
  placeRef: PlaceRef | null;
}

/** Closed vocabularies of the event's columns, as the schema has them (lib/data/schema.ts). */
const CHOICES: Record<string, readonly string[]> = {
  date_certainty: ["stated", "inferred"],
  place_certainty: ["stated", "inferred"],
  title_zh_source: ["source", "translation"],
};

/** How a yes/no cell may be written. */
const BOOLEANS: Record<string, boolean> = {
  true: true,
  yes: true,
  y: true,
  "1": true,
  是: true,
  false: false,
  no: false,
  n: false,
  "0": false,
  否: false,
};

/** List cells: ids and date parts split on semicolons or commas (ASCII or Chinese); people only on semicolons, since a name may hold a comma. */
const ID_LIST = /[;；,，、]/;
const NAME_LIST = /[;；]/;
const split = (text: string, separator: RegExp) =>
  text
    .split(separator)
    .map((s) => s.trim())
    .filter(Boolean);

/** `2016-06-08-ichei-founded` from the date and title, for a row without an id. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
}

/** `students=about 2600; countries=40` (the CSV export's form): a figure per name. */
function readFigures(text: string): Record<string, { value: number; qualifier?: string }> | null {
  const figures: Record<string, { value: number; qualifier?: string }> = {};
  const qualifiers = FIGURE_QUALIFIERS.join("|");
  for (const part of split(text, NAME_LIST)) {
    const match = part.match(new RegExp(`^([^=]+?)\\s*=\\s*(?:(${qualifiers})\\s+)?([\\d,]*\\.?\\d+)$`));
    if (!match) return null;
    figures[match[1]] = { value: Number(match[3].replace(/,/g, "")), ...(match[2] ? { qualifier: match[2] } : {}) };
  }
  return figures;
}

/** `report.txt: "a quote" | other.txt: "another"` (the CSV export's form); a quote may hold quotes and bars. */
function readSources(text: string): { document: string; quote: string }[] | null {
  const entry = /\s*([^"|]+?):\s*"([\s\S]*?)"\s*(?:\|(?=\s*[^"|]+?:\s*")|$)/y;
  const sources: { document: string; quote: string }[] = [];
  while (entry.lastIndex < text.length) {
    const match = entry.exec(text);
    if (!match) return null;
    sources.push({ document: match[1].trim(), quote: match[2] });
  }
  return sources.length > 0 ? sources : null;
}

/** A date cell: text in any form `readDate` knows, a spreadsheet date, or a bare year typed as a number. */
function dateCell(row: TableRow, key: "start" | "end"): string | undefined {
  const raw = row.raw(key);
  if (isSpreadsheetDate(raw)) return raw.date;
  const text = row.text(key);
  if (text === "") return undefined;
  const read = readDate(text);
  if (read.ok) return read.date;
  if (read.code === "ambiguous-date") row.report("ambiguous-date", key, { a: read.a, b: read.b });
  else row.report("bad-date", key);
  return undefined;
}

/** One row of the events sheet as the dataset's event (fields left out when empty); problems go to the row. */
export function readEventRow(row: TableRow): EventDraft {
  const record: Record<string, unknown> = {};
  const set = (field: string, value: unknown) => {
    if (value !== undefined && value !== "") record[field] = value;
  };
  const choice = (key: string) => {
    const text = row.text(key).toLowerCase();
    if (text && !CHOICES[key].includes(text)) row.report("bad-choice", key, { choices: CHOICES[key].join(", ") });
    return text || undefined;
  };

  const start = dateCell(row, "start");
  const end = dateCell(row, "end");
  if (start && end && periodStart(end) < periodStart(start)) row.report("end-before-start", "end", { start, end });
  const title = row.text("title");
  set("id", row.text("id") || (start ? slugify(`${start} ${title}`) : "") || `row-${row.row}`);
  set("title", title);
  set("titleZh", row.text("title_zh"));
  // A Chinese title without its provenance is taken as the curator's translation, the safer claim.
  set("titleZhSource", choice("title_zh_source") ?? (row.has("title_zh") ? "translation" : undefined));
  set("summary", row.text("summary"));
  set("start", start);
  set("end", end);
  set("dateCertainty", choice("date_certainty"));
  if (row.has("date_inferred")) set("dateInferred", split(row.text("date_inferred").toLowerCase(), ID_LIST));
  set("placeCertainty", choice("place_certainty"));
  if (row.has("online")) {
    const online = BOOLEANS[row.text("online").toLowerCase()];
    if (online === undefined) row.report("bad-choice", "online", { choices: "true, false" });
    // The dataset writes `online` only for events held online.
    if (online) set("online", true);
  }
  set("category", row.text("category").toLowerCase());
  record.organizations = split(row.text("organizations"), ID_LIST);
  if (row.has("people")) set("people", split(row.text("people"), NAME_LIST));
  if (row.has("figures")) {
    const figures = readFigures(row.text("figures"));
    if (figures) set("figures", figures);
    else row.report("bad-figures", "figures");
  }
  if (row.has("sources")) {
    const sources = readSources(row.text("sources"));
    if (sources) set("sources", sources);
    else row.report("bad-sources", "sources");
  }

  const placeRef: PlaceRef = {
    id: row.text("place_id"),
    name: row.text("place"),
    nameZh: row.text("place_zh"),
    country: row.text("country").toLowerCase(),
    lat: row.text("lat"),
    lon: row.text("lon"),
  };
  return { row, record, placeRef: Object.values(placeRef).some(Boolean) ? placeRef : null };
}
