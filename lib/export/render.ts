import "server-only";
import { NextResponse } from "next/server";
import type { StoredEvent } from "../data/dataset";
import type { Query } from "../query/query";
import type { QueryIssue } from "../query/parse";
import { translator } from "../i18n/translator";
import { csvWriter } from "./csv";
import { contentDisposition } from "../http/content-disposition";
import { EXPORT_FORMATS, exportFilename, isExportFormat, viewSlug, type ExportFormat } from "../query/export-formats";
import { geoJsonWriter } from "./geojson";
import { icsWriter } from "./ics";
import { jsonWriter } from "./json";
import { ExportSlots } from "./slots";
import { exportStream } from "./stream";
import type { ExportContext, ExportWriter } from "./writer";

function writerFor(format: ExportFormat, context: ExportContext, matched: number): ExportWriter {
  switch (format) {
    case "json":
      return jsonWriter(context, matched);
    case "geojson":
      return geoJsonWriter(context, matched);
    case "csv":
      return csvWriter(context);
    case "ics":
      return icsWriter(context, { calendarName: translator(context.lang)("site.name"), dtstamp: new Date() });
  }
}

/**
 * Exports of more events than this take a slot: a whole-dataset export at 10⁵ events renders for
 * seconds, while one of a few hundred (any filtered view of the real data) is done in a slice or two
 * and never waits behind them.
 */
export const LARGE_EXPORT = 2_000;
/**
 * Two large exports at once, so one long download does not hold up the next; they share one thread,
 * so more at once would only make each slower. Eight more may wait their turn.
 */
export const exportSlots = new ExportSlots(2, 8);
/** A download whose reader takes nothing for this long gives its slot to the next in line. */
const IDLE_MS = 10_000;
/** Seconds a refused export is told to wait: about what a whole export at 10⁵ events takes (~4 s of rendering, then the reading). */
const RETRY_AFTER_S = 10;

/** The 400 for an unknown format or invalid parameters, naming each with what is accepted. */
export function invalidExport(format: string, issues: QueryIssue[]): Response {
  const problems: (QueryIssue | { param: "format"; value: string; message: string; accepted: string[] })[] = [...issues];
  if (!isExportFormat(format)) {
    problems.push({ param: "format", value: format, message: `unknown format "${format}"`, accepted: [...EXPORT_FORMATS] });
  }
  return NextResponse.json({ error: "Invalid query parameters", issues: problems }, { status: 400 });
}

export interface RenderOptions {
  /** Aborts when the client leaves: a large export waiting for a slot gives up its place. */
  signal?: AbortSignal;
  /** A HEAD request: the headers only, with nothing rendered and no slot taken. */
  headersOnly?: boolean;
}

/**
 * The API's answer in one format, streamed (`stream.ts`); a large export first waits for a slot, and
 * is refused with 503 and Retry-After when too many are already waiting.
 */
/** The events to export: how many, and the store's stream of them (opened only once the export may run). */
export interface ExportEvents {
  matched: number;
  events: () => AsyncIterable<readonly StoredEvent[]>;
}

/** What each format is served as. */
export const MEDIA_TYPES: Record<ExportFormat, string> = {
  json: "application/json; charset=utf-8",
  geojson: "application/geo+json; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  ics: "text/calendar; charset=utf-8",
};

export async function renderExport(
  format: ExportFormat,
  { matched, events }: ExportEvents,
  context: ExportContext,
  query: Query,
  { signal, headersOnly = false }: RenderOptions = {},
): Promise<Response> {
  const headers: Record<string, string> = { "Content-Type": MEDIA_TYPES[format] };
  // JSON is the API's default answer and stays inline; the file formats arrive as downloads. Each
  // names its file, which the share menu's download links take as they are.
  headers["Content-Disposition"] = contentDisposition(exportFilename(format, viewSlug(query)), format === "json" ? "inline" : "attachment");
  if (headersOnly) return new NextResponse(null, { headers });
  let release: (() => void) | undefined;
  if (matched > LARGE_EXPORT) {
    const slot = await exportSlots.acquire(signal);
    if (!slot) {
      return NextResponse.json(
        { error: "Too many large exports at once: try again shortly" },
        { status: 503, headers: { "Retry-After": String(RETRY_AFTER_S), "Cache-Control": "no-store" } },
      );
    }
    release = slot;
  }
  const body = exportStream(writerFor(format, context, matched), events(), { release, idleMs: IDLE_MS });
  return new NextResponse(body, { headers });
}
