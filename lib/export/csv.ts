import "server-only";
import { dateCertaintyOf, inferredDateParts, placeCertaintyOf } from "../sources/certainty";
import type { DatasetIndex, Names, StoredEvent } from "../data/dataset";
import { figureText } from "../view/figures";
import { countryName } from "../view/describe";
import { nameById, nameIn, type Lang } from "../i18n/lang";
import { documentTitle } from "../sources/sources";
import { FALLBACK_SITE_URL } from "../http/site-url";
import { eventUrl, passageLink } from "./links";
import { writeAll, type ExportContext, type ExportWriter } from "./writer";
import { guardFormula } from "../core/formula-guard";

/**
 * Two kinds of column. The data's own columns (ids, codes, the record's text in both languages) are
 * the same whatever the language: they are the import template (DESIGN.md, "Import contract"), so an
 * export imports back to the same events. Beside them, what the page shows in the export's `lang` —
 * names (`*_name`, `*_names`), wording (`*_text`) and absolute links (`url`, `source_urls`) — which
 * an importer derives again and ignores.
 */
interface Column {
  name: string;
  value: (event: StoredEvent, context: ExportContext) => string;
  /** Numeric cells may legitimately start with `-`; they are never formula-guarded. */
  numeric?: boolean;
  /** What the page shows, derived from the data columns in the export's language and site: not read back on import. */
  derived?: true;
}

const place = (event: StoredEvent, index: Names) => (event.place ? index.placeById.get(event.place) : undefined);
const LIST = "; ";
const SOURCES = " | ";

export const CSV_COLUMNS: Column[] = [
  { name: "id", value: (e) => e.id },
  { name: "start", value: (e) => e.start },
  { name: "end", value: (e) => e.end ?? "" },
  { name: "date_certainty", value: (e) => dateCertaintyOf(e) },
  // The parts inferred ("year", "month; day"), empty for a stated date.
  { name: "date_inferred", value: (e) => inferredDateParts(e).join("; ") },
  { name: "title", value: (e) => e.title },
  { name: "title_zh", value: (e) => e.titleZh ?? "" },
  { name: "title_zh_source", value: (e) => e.titleZhSource ?? "" },
  { name: "summary", value: (e) => e.summary },
  { name: "place_id", value: (e) => e.place ?? "" },
  { name: "place", value: (e, c) => place(e, c.names)?.name ?? "" },
  { name: "place_zh", value: (e, c) => place(e, c.names)?.nameZh ?? "" },
  {
    name: "place_name",
    derived: true,
    value: (e, c) => {
      const p = place(e, c.names);
      return p ? nameIn(c.lang, p) : "";
    },
  },
  { name: "country", value: (e, c) => place(e, c.names)?.country ?? "" },
  {
    name: "country_name",
    derived: true,
    value: (e, c) => {
      const code = place(e, c.names)?.country;
      return code ? countryName(code, c.lang) : "";
    },
  },
  { name: "lat", value: (e, c) => String(place(e, c.names)?.lat ?? ""), numeric: true },
  { name: "lon", value: (e, c) => String(place(e, c.names)?.lon ?? ""), numeric: true },
  // Empty without a place: there is no place to be sure of.
  { name: "place_certainty", value: (e) => placeCertaintyOf(e) ?? "" },
  { name: "online", value: (e) => (e.online ? "true" : "false") },
  { name: "category", value: (e) => e.category },
  { name: "category_name", derived: true, value: (e, c) => nameById(c.lang, c.names.categoryById, e.category) },
  { name: "organizations", value: (e) => e.organizations.join(LIST) },
  {
    name: "organization_names",
    derived: true,
    value: (e, c) => e.organizations.map((id) => nameById(c.lang, c.names.orgById, id)).join(LIST),
  },
  { name: "people", value: (e) => (e.people ?? []).join(LIST) },
  // Machine-readable (`key=value`, the qualifier before the number) and readable side by side.
  {
    name: "figures",
    value: (e) =>
      Object.entries(e.figures ?? {})
        .map(([k, f]) => `${k}=${f.qualifier ? `${f.qualifier} ` : ""}${f.value}`)
        .join(LIST),
  },
  {
    name: "figures_text",
    derived: true,
    value: (e, c) =>
      Object.entries(e.figures ?? {})
        .map(([k, f]) => figureText(k, f, c.lang))
        .join(LIST),
  },
  // The document as the record cites it (its file), then as a reader knows it (its title).
  { name: "sources", value: (e) => e.sources.map((s) => `${s.document}: "${s.quote}"`).join(SOURCES) },
  {
    name: "sources_text",
    derived: true,
    value: (e, c) => e.sources.map((s) => `${documentTitle(c.names, s.document)}: "${s.quote}"`).join(SOURCES),
  },
  { name: "url", derived: true, value: (e, c) => eventUrl(c, e.id) },
  // One link per quote, in the order of `sources`, empty where a document has no page (not in `sources.json`).
  {
    name: "source_urls",
    derived: true,
    value: (e, c) => {
      const urls = e.sources.map((_, i) => passageLink(c, e, i)?.href ?? "");
      return urls.some(Boolean) ? urls.join(SOURCES) : "";
    },
  },
];

/** The columns an importer derives again and skips: names, wording and links in the export's language. */
export const CSV_DERIVED_COLUMNS = CSV_COLUMNS.filter((c) => c.derived).map((c) => c.name);

// Cells are guarded against being read as formulas (lib/core/formula-guard.ts); the tests import it from here.
export { guardFormula };

/** RFC 4180: quote a field holding a comma, quote, CR or LF, doubling inner quotes. */
function quoteField(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

const CRLF = "\r\n";

/**
 * One row per event, header first, RFC 4180 with CRLF line endings. It begins with a UTF-8
 * byte-order mark because Excel otherwise reads CSV in the system code page and garbles Chinese.
 */
export function csvWriter(context: ExportContext): ExportWriter {
  return {
    head: "\uFEFF" + CSV_COLUMNS.map((c) => c.name).join(",") + CRLF,
    event: (event) =>
      CSV_COLUMNS.map((c) => {
        const cell = c.value(event, context);
        return quoteField(c.numeric ? cell : guardFormula(cell));
      }).join(",") + CRLF,
    tail: () => "",
  };
}

export function toCsv(events: StoredEvent[], index: DatasetIndex, lang: Lang = "en", site = FALLBACK_SITE_URL): string {
  return writeAll(csvWriter({ names: index, total: index.events.length, lang, site }), events);
}
