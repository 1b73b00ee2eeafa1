import type { PlaybackFormat } from "./playback-download";
import { searchFor, type Query } from "./query";

/** The API's `format=` values, each also its files' extension (lib/export serves them, with their media types). */
export const EXPORT_FORMATS = ["json", "geojson", "csv", "ics"] as const;

export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(s: unknown): s is ExportFormat {
  return (EXPORT_FORMATS as readonly unknown[]).includes(s);
}

const BASE_NAME = "china-unesco-education-events";

/**
 * Characters a file name must not carry: those unsafe in file names on common systems, and the
 * bidirectional controls (embeddings, overrides, isolates, marks), which reorder how a name is shown:
 * `…\u202Egpj.exe` would read as `…exe.jpg`.
 */
const UNSAFE_IN_FILENAME = /[\u0000-\u001f\u007f/\\:*?"<>|\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g;

/**
 * `china-unesco-education-events-city-beijing.csv` (or `.gif`, `.webm`, a playback: lib/query/playback-download.ts);
 * an empty slug gives the bare base name.
 * Unsafe characters (above) become `-`.
 */
export function exportFilename(format: ExportFormat | PlaybackFormat, slug: string): string {
  const safe = slug.replace(UNSAFE_IN_FILENAME, "-").replace(/^[-.\s]+|[-.\s]+$/g, "");
  return `${BASE_NAME}${safe ? `-${safe}` : ""}.${format}`;
}

/** A file-name-friendly trace of the filters: `city-beijing_from-2023`. */
export function viewSlug(query: Query): string {
  const params = new URLSearchParams(searchFor("export", query));
  return [...params].map(([key, value]) => `${key}-${value.replace(/,/g, "+")}`).join("_");
}
