import type { Dataset } from "../data/dataset";
import { DATA_FILES, validateDataset, type DataProblem, type RawDataset } from "../schema/validate";
import { normalizeName, type SheetKind } from "./columns";
import { readCsv } from "./csv";
import { binaryKind, decodeText, ENCODING_NAMES, type Encoding } from "./encoding";
import { readEventRow, type EventDraft } from "./events";
import type { Gazetteer } from "./gazetteer";
import { collectJson, type JsonRecords, type Located } from "./json";
import { LIMITS, formatBytes } from "./limits";
import { resolvePlaces, type PlaceEntry } from "./places";
import { problem, type ImportProblem } from "./problems";
import type { Sheet } from "./sheet";
import { closest } from "./closest";
import type { ImportDocuments } from "./documents";
import { readTable, type TableRow } from "./table";

export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

export interface ImportOptions {
  /** Loads the gazetteer that bare place names are looked up in; without one they are unknown places. */
  gazetteer?: () => Promise<Gazetteer>;
  /**
   * Told every thousand rows or records which stage the import is at and how far into it (0 to 1):
   * the page's progress bar. The command passes none: a counter is then all the stages pay.
   */
  progress?: ImportProgress;
  /**
   * The source documents and the `sources.json` describing them: every quote is then checked word for
   * word against its document (as `check:data` checks them) and the dataset carries `sources`.
   */
  documents?: ImportDocuments;
}

/**
 * The stages a file goes through: its bytes decoded as text (CSV, TSV, JSON), the text parsed into
 * rows (CSV/TSV), the rows made into the dataset's records, the records checked by the dataset's rules.
 */
export type ImportStage = "reading" | "parsing" | "rows" | "validating";
export type ImportProgress = (stage: ImportStage, fraction: number) => void;

/** How many rows or records between two reports of the progress. */
const PROGRESS_EVERY = 1000;

/** A loop's counter: it calls `progress` every `PROGRESS_EVERY` steps, or does nothing without one. */
function progressOf(progress: ImportProgress | undefined, stage: ImportStage, total: number): () => void {
  if (!progress) return () => {};
  let done = 0;
  return () => {
    done += 1;
    if (done % PROGRESS_EVERY === 0) progress(stage, done / total);
  };
}

export interface ImportSummary {
  format: "csv" | "tsv" | "xlsx" | "json";
  /** How the text was encoded (CSV, TSV, JSON); null for .xlsx. */
  encoding: string | null;
  events: number;
  places: number;
  organizations: number;
  categories: number;
  /** The earliest start and latest end (or start) of the events read. */
  dateRange: { from: string; to: string } | null;
  errors: number;
  warnings: number;
  /**
   * Organizations and categories that no sheet (or file) names, counted: a CSV carries their ids
   * only, so each is named by its id, to be named in the output's files afterwards.
   */
  namedById: { organizations: number; categories: number };
}

export interface ImportResult {
  /** The dataset, validated by the dataset's own rules; null when any error refuses the import. */
  dataset: Dataset | null;
  problems: ImportProblem[];
  summary: ImportSummary;
}

type NamedById = ImportSummary["namedById"];

const FORMATS: Record<string, ImportSummary["format"]> = {
  csv: "csv",
  txt: "csv",
  tsv: "tsv",
  xlsx: "xlsx",
  json: "json",
  geojson: "json",
};
const extension = (name: string) => name.toLowerCase().match(/\.([a-z]+)$/)?.[1] ?? "";

/**
 * The importer: file bytes in → the dataset, every problem, a summary. Runs in Node and in a
 * browser worker (no file system here: the caller reads the files). A CSV/TSV, an .xlsx workbook,
 * or one or more JSON files (the dataset's own files, an export, GeoJSON).
 */
export function importFiles(files: ImportFile[], options: ImportOptions = {}): Promise<ImportResult> {
  const problems: ImportProblem[] = [];
  const format = FORMATS[extension(files[0]?.name ?? "")];
  const namedById: NamedById = { organizations: 0, categories: 0 };
  const how = (encoding: Encoding | null) => ({ format: format ?? "csv", encoding: encoding && ENCODING_NAMES[encoding], namedById });
  const refused = () => Promise.resolve(finish(null, undefined, problems, how(null)));

  if (files.length === 0) problems.push(problem("unsupported-format", { sheet: "" }, { name: "(no file)" }));
  for (const file of files) {
    if (!FORMATS[extension(file.name)] || (files.length > 1 && FORMATS[extension(file.name)] !== "json"))
      problems.push(problem("unsupported-format", { sheet: file.name }, { name: file.name }));
    else if (file.bytes.length === 0) problems.push(problem("empty-file", { sheet: file.name }));
    else if (file.bytes.length > LIMITS.maxFileBytes) problems.push(tooLarge(file.name, file.bytes.length));
  }
  if (problems.length > 0) return refused();
  if (format === "xlsx") return importWorkbook(files[0], problems, options, namedById, how(null));

  // Decoded here, before anything awaits: this function then returns, and nothing holds the bytes
  // while the text is read (at 50 MB, that is 50 MB less to hold). The caller should not hold them either.
  let encoding: Encoding | null = null;
  const texts: { name: string; text: string }[] = [];
  for (const file of files) {
    const kind = binaryKind(file.bytes);
    const decoded = kind === null ? decodeText(file.bytes, options.progress && ((f) => options.progress!("reading", f))) : null;
    if (kind !== null) problems.push(problem("binary-file", { sheet: file.name }, { kind }));
    else if (!decoded?.ok) problems.push(problem("unknown-encoding", { sheet: file.name }));
    else {
      encoding ??= decoded.encoding;
      texts.push({ name: file.name, text: decoded.text });
    }
  }
  if (problems.length > 0) return refused();
  if (format === "json") {
    const json = fromJson(texts, problems, namedById);
    return Promise.resolve(finish(json?.raw ?? null, json?.origins, problems, how(encoding), options));
  }
  // Read once this function has returned: by then nothing holds the file's bytes, only its text,
  // and the text only until its rows are read (the callbacks share one scope: it is taken from there).
  let text: string | null = texts[0].text;
  const take = () => {
    const taken = text!;
    text = null;
    return taken;
  };
  return Promise.resolve()
    .then(() =>
      readCsv(take(), { tab: format === "tsv", problems, progress: options.progress && ((f) => options.progress!("parsing", f)) }),
    )
    .then((rows) => fromSheets({ events: () => rows }, problems, options, namedById))
    .then(({ raw, origins }) => finish(raw, origins, problems, how(encoding), options));
}

async function importWorkbook(
  file: ImportFile,
  problems: ImportProblem[],
  options: ImportOptions,
  namedById: NamedById,
  how: Pick<ImportSummary, "format" | "encoding" | "namedById">,
): Promise<ImportResult> {
  // exceljs is large: loaded only for a workbook.
  const { readXlsx } = await import("./xlsx");
  const { sheets, problems: found } = await readXlsx(file.bytes, file.name);
  problems.push(...found);
  if (!sheets.events) return finish(null, undefined, problems, how);
  // Each sheet read when its turn comes, so that problems come sheet by sheet.
  const tables: Tables = {};
  for (const [kind, sheet] of Object.entries(sheets) as [SheetKind, Sheet][]) tables[kind] = () => readTable(sheet, kind, problems);
  const { raw, origins } = await fromSheets(tables, problems, options, namedById);
  return finish(raw, origins, problems, how, options);
}

export function tooLarge(name: string, size: number): ImportProblem {
  return problem("too-large", { sheet: name }, { size: formatBytes(size), limit: formatBytes(LIMITS.maxFileBytes) });
}

/** A file over the size limit refused by its size, before its bytes are read (a caller that can know the size asks this first). */
export function refuseIfTooLarge(name: string, size: number): ImportResult | null {
  if (size <= LIMITS.maxFileBytes) return null;
  const how = { format: FORMATS[extension(name)] ?? "csv", encoding: null, namedById: { organizations: 0, categories: 0 } };
  return finish(null, undefined, [tooLarge(name, size)], how);
}

/**
 * Where a record of the result came from, to name the cell of a problem that the dataset's
 * validation finds in one of its fields: the sheet and row, and a field's column.
 */
interface Origin {
  sheet: string;
  row: number | null;
  column: (field: string) => { header: string; index?: number; value?: unknown } | undefined;
}
type Kind = keyof typeof DATA_FILES;
/**
 * Parallel to the arrays of the raw dataset: the origin of the record at an index; null for an
 * organization or category made from an id the events cite, whose problems are the citing rows' own.
 * Asked only for the records a problem is found in, so none is built for a clean row.
 */
type Origins = Record<Kind, (index: number) => Origin | null>;
const none = () => null;

/** The column a field of an event is written in, where the names differ (beyond case and underscores). */
const EVENT_FIELD_COLUMNS: Record<string, string> = { place: "place_id" };

function rowOrigin(row: TableRow, columnOf: Record<string, string> = {}): Origin {
  return {
    sheet: row.sheet,
    row: row.row,
    column: (field) => {
      const key = columnOf[field] ?? [...row.columns.keys()].find((k) => normalizeName(k) === normalizeName(field)) ?? field;
      const column = row.columns.get(key) ?? (field === "place" ? row.columns.get("place") : undefined);
      return column && { header: column.header, index: column.index, value: row.raw(column.key) };
    },
  };
}

/** The sheets a file has, each read (against its header) when asked. */
type Tables = Partial<Record<SheetKind, () => TableRow[]>>;

/** The rows of the sheets as the dataset's records; rows with an id seen before are reported and left out. */
async function fromSheets(sheets: Tables, problems: ImportProblem[], options: ImportOptions, namedById: NamedById) {
  const origins: Origins = { events: none, places: none, organizations: none, categories: none };
  const table = (kind: SheetKind) => sheets[kind]?.() ?? [];
  const firstRow = new Map<string, number>();
  const unique = (kind: SheetKind, row: TableRow, id: string) => {
    const first = firstRow.get(`${kind}:${id}`);
    if (first !== undefined) row.report("duplicate-id", "id", { id, other: first });
    else firstRow.set(`${kind}:${id}`, row.row);
    return first === undefined;
  };

  const drafts: EventDraft[] = [];
  const eventRows = table("events");
  const step = progressOf(options.progress, "rows", eventRows.length);
  for (const row of eventRows) {
    const draft = readEventRow(row);
    if (unique("events", row, String(draft.record.id))) drafts.push(draft);
    step();
  }
  const places: PlaceEntry[] = await resolvePlaces(drafts, table("places"), options.gazetteer);
  // A place given without its certainty is taken as stated, as the CSV export writes it.
  for (const { record } of drafts) if (record.place !== undefined) record.placeCertainty ??= "stated";

  const named = (kind: "organizations" | "categories", used: string[]) => {
    if (!sheets[kind]) {
      const ids = [...new Set(used)];
      namedById[kind] = ids.length;
      return ids.map((id) => ({ id, name: id }));
    }
    const records: Record<string, unknown>[] = [];
    const rows: TableRow[] = [];
    origins[kind] = (index) => rowOrigin(rows[index]);
    for (const row of table(kind)) {
      if (!unique(kind, row, row.text("id"))) continue;
      rows.push(row);
      records.push({ id: row.text("id"), name: row.text("name"), ...(row.has("name_zh") ? { nameZh: row.text("name_zh") } : {}) });
    }
    return records;
  };
  const events = drafts.map((d) => d.record);
  origins.events = (index) => rowOrigin(drafts[index].row, EVENT_FIELD_COLUMNS);
  origins.places = (index) => rowOrigin(places[index].row, places[index].columnOf);
  const raw: RawDataset = {
    events,
    places: places.map((p) => p.place),
    organizations: named(
      "organizations",
      events.flatMap((e) => e.organizations as string[]),
    ),
    categories: named(
      "categories",
      events.map((e) => e.category).filter((c): c is string => typeof c === "string"),
    ),
  };
  return { raw, origins };
}

const jsonOrigin = ({ file, number, record }: Located): Origin => ({
  sheet: file,
  row: number,
  column: (field) => ({ header: field, value: record[field] }),
});

/** JSON records as the dataset's files; a place repeated by expanded events is kept once. */
function fromJson(
  texts: { name: string; text: string }[],
  problems: ImportProblem[],
  namedById: NamedById,
): { raw: RawDataset; origins: Origins } | null {
  const records: JsonRecords = { events: [], places: [], organizations: [], categories: [] };
  for (const { name, text } of texts) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      problems.push(problem("bad-json", { sheet: name }, { reason: (error as Error).message }));
      continue;
    }
    if (!collectJson(json, name, records))
      problems.push(
        problem(
          "bad-json",
          { sheet: name },
          { reason: "it is neither a list of records, an export of events, nor a GeoJSON FeatureCollection" },
        ),
      );
  }
  if (problems.length > 0) return null;
  const places = new Map<string, Located>();
  for (const located of records.places) {
    const id = String(located.record.id);
    const first = places.get(id);
    if (!first) places.set(id, located);
    else if (JSON.stringify(first.record) !== JSON.stringify(located.record)) {
      problems.push(
        problem(
          "place-conflict",
          { sheet: located.file, row: located.number, column: "place", value: id },
          { id, field: "fields", other: first.number, otherValue: JSON.stringify(first.record) },
        ),
      );
    }
  }
  const derived = (kind: "organizations" | "categories", used: unknown[]) => {
    if (records[kind].length > 0) return records[kind];
    const ids = [...new Set(used.filter((u): u is string => typeof u === "string"))];
    namedById[kind] = ids.length;
    return ids.map((id) => ({ record: { id, name: id }, file: kind, number: 0, derived: true as const }));
  };
  // A record whose id an earlier one of its kind has is reported, naming both, and left out.
  const unique = (kind: "events" | "organizations" | "categories") => {
    const first = new Map<unknown, Located>();
    return records[kind].filter((located) => {
      const earlier = first.get(located.record.id);
      if (earlier)
        problems.push(
          problem(
            "duplicate-id",
            { sheet: located.file, row: located.number, column: "id", value: located.record.id },
            { id: String(located.record.id), other: earlier.number },
          ),
        );
      else first.set(located.record.id, located);
      return !earlier;
    });
  };
  records.events = unique("events");
  records.organizations = unique("organizations");
  records.categories = unique("categories");
  const events = records.events;
  const all = {
    events,
    places: [...places.values()],
    organizations: derived(
      "organizations",
      events.flatMap((e) => (Array.isArray(e.record.organizations) ? e.record.organizations : [])),
    ),
    categories: derived(
      "categories",
      events.map((e) => e.record.category),
    ),
  };
  const origin = (l: Located & { derived?: true }) => (l.derived ? null : jsonOrigin(l));
  return {
    raw: {
      events: all.events.map((l) => l.record),
      places: all.places.map((l) => l.record),
      organizations: all.organizations.map((l) => l.record),
      categories: all.categories.map((l) => l.record),
    },
    origins: {
      events: (index) => origin(all.events[index]),
      places: (index) => origin(all.places[index]),
      organizations: (index) => origin(all.organizations[index]),
      categories: (index) => origin(all.categories[index]),
    },
  };
}

/** The file a problem of the dataset's validation is in → the kind of records. */
const KIND_OF_FILE = new Map(Object.entries(DATA_FILES).map(([kind, file]) => [file as string, kind as Kind]));

/** The position of each record by its id, per kind: built once, for the problems of the dataset's validation. */
type Positions = Partial<Record<Kind, Map<unknown, number>>>;

function positionsOf(kind: Kind, raw: RawDataset, positions: Positions): Map<unknown, number> {
  // The first record of an id, as validation names it (a repeated id was left out before).
  positions[kind] ??= new Map((raw[kind] as ({ id?: unknown } | null)[]).map((r, i) => [r?.id, i] as const).reverse());
  return positions[kind];
}

/** A problem of the dataset's validation (the same rules and messages as `check:data`) named by its cell. */
function locate(p: DataProblem, raw: RawDataset, origins: Origins, positions: Positions): ImportProblem | null {
  const kind = KIND_OF_FILE.get(p.file) ?? "events";
  const records = raw[kind] as { id?: unknown; place?: unknown }[];
  const index = p.record.startsWith("#") ? Number(p.record.slice(1)) : (positionsOf(kind, raw, positions).get(p.record) ?? -1);
  const origin = index >= 0 ? origins[kind](index) : undefined;
  const field = p.field.split(".")[0];
  // Made from an id the events cite: the citing row reports it.
  if (origin === null) return null;
  // An event whose place is in the result but invalid: the place's own problem says why.
  if (kind === "events" && field === "place" && positionsOf("places", raw, positions).has(records[index]?.place)) return null;
  const column = origin?.column(field);
  return problem(
    "data-rule",
    {
      sheet: origin?.sheet ?? kind,
      row: origin?.row ?? null,
      column: column?.header ?? (p.field.startsWith("(") ? "" : p.field),
      columnIndex: column?.index,
      value: column?.value,
    },
    { message: `${p.field}: ${p.message}` },
  );
}

/**
 * Each event's citations against the documents given: a document not among them, or a quote not found
 * word for word in its text (the rule `check:data` applies), named by the event's row and sources column.
 */
function checkQuotes(raw: RawDataset, origins: Origins, documents: ImportDocuments, problems: ImportProblem[]) {
  (raw.events as { sources?: unknown }[]).forEach((event, index) => {
    if (!Array.isArray(event.sources)) return;
    const origin = origins.events(index);
    const column = origin?.column("sources");
    for (const source of event.sources as { document?: unknown; quote?: unknown }[]) {
      if (typeof source?.document !== "string" || typeof source.quote !== "string") continue;
      const text = documents.texts.get(source.document);
      const at = {
        sheet: origin?.sheet ?? "events",
        row: origin?.row ?? null,
        column: column?.header ?? "sources",
        columnIndex: column?.index,
      };
      if (text === undefined) {
        const near = closest(source.document, documents.texts.keys(), 1)[0];
        problems.push(
          problem("unknown-document", { ...at, value: source.document }, { document: source.document, ...(near ? { closest: near } : {}) }),
        );
      } else if (!text.includes(source.quote)) {
        problems.push(problem("quote-not-found", { ...at, value: source.quote }, { document: source.document }));
      }
    }
  });
}

function finish(
  raw: RawDataset | null,
  origins: Origins | undefined,
  problems: ImportProblem[],
  how: Pick<ImportSummary, "format" | "encoding" | "namedById">,
  { documents, progress }: Pick<ImportOptions, "documents" | "progress"> = {},
): ImportResult {
  let dataset: Dataset | null = null;
  if (raw && origins) {
    if (documents) {
      checkQuotes(raw, origins, documents, problems);
      raw.sources = documents.list;
    }
    const result = validateDataset(raw, documents?.texts, progress && ((checked, total) => progress("validating", checked / total)));
    dataset = result.dataset;
    // A cell the importer already reported (a date it could not read, a duplicate id) is not reported again.
    const seen = new Set(problems.map((p) => `${p.sheet}|${p.row}|${p.column}`));
    // A required column missing from the sheet is reported once, not again on every row.
    const missingColumns = new Set(problems.filter((p) => p.code === "missing-column").map((p) => `${p.sheet}|${normalizeName(p.value)}`));
    const positions: Positions = {};
    for (const found of result.problems) {
      const located = locate(found, raw, origins, positions);
      // One problem a cell: a value the importer already reported (a date it could not read), or a second rule the same value breaks.
      const cell = located && `${located.sheet}|${located.row}|${located.column}`;
      if (!located || seen.has(cell!)) continue;
      seen.add(cell!);
      if (missingColumns.has(`${located.sheet}|${normalizeName(found.field.split(".")[0])}`)) continue;
      problems.push(located);
    }
  }
  // A required cell that is empty because its value was refused (an error cell, a formula without a value) is said once.
  const refused = new Set(
    problems.filter((p) => p.severity === "error" && p.code !== "missing-value").map((p) => `${p.sheet}|${p.row}|${p.column}`),
  );
  problems = problems.filter((p) => p.code !== "missing-value" || !refused.has(`${p.sheet}|${p.row}|${p.column}`));
  const errors = problems.filter((p) => p.severity === "error").length;
  if (errors > 0) dataset = null;
  const events = (raw?.events ?? []) as { start?: unknown; end?: unknown }[];
  const starts = events.map((e) => e.start).filter((s): s is string => typeof s === "string");
  const ends = events.map((e) => e.end ?? e.start).filter((s): s is string => typeof s === "string");
  const count = (key: Kind) => (Array.isArray(raw?.[key]) ? (raw[key] as unknown[]).length : 0);
  return {
    dataset,
    problems: sortProblems(problems),
    summary: {
      ...how,
      events: count("events"),
      places: count("places"),
      organizations: count("organizations"),
      categories: count("categories"),
      dateRange: starts.length > 0 ? { from: starts.reduce((a, b) => (b < a ? b : a)), to: ends.reduce((a, b) => (b > a ? b : a)) } : null,
      errors,
      warnings: problems.length - errors,
    },
  };
}

/** File-wide problems first, then sheet by sheet (in the order met), row by row, column by column. */
function sortProblems(problems: ImportProblem[]): ImportProblem[] {
  const sheets = [...new Set(problems.map((p) => p.sheet))];
  const column = (p: ImportProblem) => p.columnLetter.padStart(3, " ");
  return problems
    .map((p, order) => ({ p, order }))
    .sort(
      (a, b) =>
        sheets.indexOf(a.p.sheet) - sheets.indexOf(b.p.sheet) ||
        (a.p.row ?? 0) - (b.p.row ?? 0) ||
        column(a.p).localeCompare(column(b.p)) ||
        a.order - b.order,
    )
    .map(({ p }) => p);
}
