import "server-only";
import { dateCertaintyOf, inferredDateParts, placeCertaintyOf } from "../sources/certainty";
import type { DatasetIndex, IndexedEvent } from "../data/dataset";
import { figureText } from "../view/figures";
import { nameById, type Lang } from "../i18n/lang";
import { documentTitle } from "../sources/sources";

interface Column {
  name: string;
  /** `lang` changes only readable text (names, figure wording); headers and ids stay the same. */
  value: (event: IndexedEvent, index: DatasetIndex, lang: Lang) => string;
  /** Numeric cells may legitimately start with `-`; they are never formula-guarded. */
  numeric?: boolean;
}

const place = (event: IndexedEvent, index: DatasetIndex) => (event.place ? index.placeById.get(event.place) : undefined);

const COLUMNS: Column[] = [
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
  { name: "place", value: (e, i) => place(e, i)?.name ?? "" },
  { name: "place_zh", value: (e, i) => place(e, i)?.nameZh ?? "" },
  { name: "country", value: (e, i) => place(e, i)?.country ?? "" },
  { name: "lat", value: (e, i) => String(place(e, i)?.lat ?? ""), numeric: true },
  { name: "lon", value: (e, i) => String(place(e, i)?.lon ?? ""), numeric: true },
  // Empty without a place: there is no place to be sure of.
  { name: "place_certainty", value: (e) => placeCertaintyOf(e) ?? "" },
  { name: "online", value: (e) => (e.online ? "true" : "false") },
  { name: "category", value: (e) => e.category },
  {
    name: "organizations",
    value: (e, i, lang) => e.organizations.map((id) => nameById(lang, i.orgById, id)).join("; "),
  },
  { name: "people", value: (e) => (e.people ?? []).join("; ") },
  // Machine-readable (`key=value`, the qualifier before the number) and readable side by side.
  {
    name: "figures",
    value: (e) =>
      Object.entries(e.figures ?? {})
        .map(([k, f]) => `${k}=${f.qualifier ? `${f.qualifier} ` : ""}${f.value}`)
        .join("; "),
  },
  {
    name: "figures_text",
    value: (e, _i, lang) =>
      Object.entries(e.figures ?? {})
        .map(([k, f]) => figureText(k, f, lang))
        .join("; "),
  },
  {
    name: "sources",
    value: (e, i) => e.sources.map((s) => `${documentTitle(i, s.document)}: "${s.quote}"`).join(" | "),
  },
];

/**
 * A spreadsheet may read a text cell as a formula when it starts with = + - @, with a tab, CR or
 * LF, or with a formula sign after leading blanks (spaces, line feeds, zero-width spaces: some
 * spreadsheets trim them) or in its full-width or small form (＝ ＋ － ＠ ﹦ ﹢ ﹣ ﹫, which an East
 * Asian spreadsheet turns into the ASCII sign). A leading apostrophe keeps it text (OWASP "CSV
 * injection"). Our data is curated, but users may bring their own dataset through EVENTS_DATA_DIR.
 */
const FORMULA_START = /^(?:[\t\r\n]|[\s\u200b-\u200d\u2060]*[=+\-@\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b])/;

export function guardFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** RFC 4180: quote a field holding a comma, quote, CR or LF, doubling inner quotes. */
function quoteField(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

const CRLF = "\r\n";

/**
 * One row per event, header first, RFC 4180 with CRLF line endings. It begins with a UTF-8
 * byte-order mark because Excel otherwise reads CSV in the system code page and garbles Chinese.
 */
export function toCsv(events: IndexedEvent[], index: DatasetIndex, lang: Lang = "en"): string {
  const header = COLUMNS.map((c) => c.name).join(",");
  const rows = events.map((event) =>
    COLUMNS.map((c) => {
      const cell = c.value(event, index, lang);
      return quoteField(c.numeric ? cell : guardFormula(cell));
    }).join(","),
  );
  return "\uFEFF" + [header, ...rows].join(CRLF) + CRLF;
}
