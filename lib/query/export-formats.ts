import { searchFor, type Query } from "./query";

/** What each export format is served as: the API's `format=` values and their HTTP metadata. */
export const EXPORT_FORMATS = {
  json: { contentType: "application/json; charset=utf-8", extension: "json" },
  geojson: { contentType: "application/geo+json; charset=utf-8", extension: "geojson" },
  csv: { contentType: "text/csv; charset=utf-8", extension: "csv" },
  ics: { contentType: "text/calendar; charset=utf-8", extension: "ics" },
} as const;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

export function isExportFormat(s: unknown): s is ExportFormat {
  return typeof s === "string" && Object.hasOwn(EXPORT_FORMATS, s);
}

const BASE_NAME = "china-unesco-education-events";

/**
 * Characters a file name must not carry: those unsafe in file names on common systems, and the
 * bidirectional controls (embeddings, overrides, isolates, marks), which reorder how a name is shown:
 * `…\u202Egpj.exe` would read as `…exe.jpg`.
 */
const UNSAFE_IN_FILENAME = /[\u0000-\u001f\u007f/\\:*?"<>|\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g;

/**
 * `china-unesco-education-events-city-beijing.csv`; an empty slug gives the bare base name.
 * Unsafe characters (above) become `-`.
 */
export function exportFilename(format: ExportFormat, slug: string): string {
  const safe = slug.replace(UNSAFE_IN_FILENAME, "-").replace(/^[-.\s]+|[-.\s]+$/g, "");
  return `${BASE_NAME}${safe ? `-${safe}` : ""}.${EXPORT_FORMATS[format].extension}`;
}

/**
 * RFC 6266: an ASCII `filename` for old clients plus the exact name as RFC 8187 `filename*`.
 * encodeURIComponent leaves `'()*` bare, which RFC 8187's attr-char does not allow.
 */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A file-name-friendly trace of the filters: `city-beijing_from-2023`. */
export function viewSlug(query: Query): string {
  const params = new URLSearchParams(searchFor("export", query));
  return [...params].map(([key, value]) => `${key}-${value.replace(/,/g, "+")}`).join("_");
}
