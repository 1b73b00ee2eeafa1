import "server-only";
import { NextResponse } from "next/server";
import type { DatasetIndex, IndexedEvent } from "../data/dataset";
import type { Query, QueryIssue } from "../query/query";
import { translator } from "../i18n/translator";
import type { Lang } from "../i18n/lang";
import { toCsv } from "./csv";
import { contentDisposition, EXPORT_FORMATS, exportFilename, isExportFormat, viewSlug, type ExportFormat } from "../query/export-formats";
import { toGeoJson } from "./geojson";
import { toIcs } from "./ics";
import { toJson } from "./json";

function body(format: ExportFormat, events: IndexedEvent[], index: DatasetIndex, lang: Lang): string {
  switch (format) {
    case "json":
      return JSON.stringify(toJson(events, index));
    case "geojson":
      return JSON.stringify(toGeoJson(events, index));
    case "csv":
      return toCsv(events, index, lang);
    case "ics":
      return toIcs(events, index, { calendarName: translator(lang)("site.name"), dtstamp: new Date(), lang });
  }
}

/** The API's answer in one format; invalid parameters get a 400 that names them and what is accepted. */
export function renderExport(format: string, events: IndexedEvent[], index: DatasetIndex, query: Query, issues: QueryIssue[]) {
  const problems: (QueryIssue | { param: "format"; value: string; message: string; accepted: string[] })[] = [...issues];
  if (!isExportFormat(format)) {
    problems.push({ param: "format", value: format, message: `unknown format "${format}"`, accepted: Object.keys(EXPORT_FORMATS) });
  }
  if (problems.length > 0 || !isExportFormat(format)) {
    return NextResponse.json({ error: "Invalid query parameters", issues: problems }, { status: 400 });
  }
  const headers: Record<string, string> = { "Content-Type": EXPORT_FORMATS[format].contentType };
  // JSON is the API's default answer and stays inline; the file formats arrive as downloads.
  if (format !== "json") headers["Content-Disposition"] = contentDisposition(exportFilename(format, viewSlug(query)));
  return new NextResponse(body(format, events, index, query.lang), { headers });
}
