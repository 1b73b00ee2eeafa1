import { closest } from "./closest";
import { SHEETS, SKIPPED_COLUMNS, headerIndex, normalizeName, type SheetKind } from "./columns";
import { problem, type ImportProblem, type ProblemCode } from "./problems";
import { cellText, type CellValue, type Sheet } from "./sheet";

/** One known column of a sheet: its key (`title_zh`), its header as written and its position. */
export interface Column {
  key: string;
  header: string;
  index: number;
}

/** One row of a sheet read against its header: its cells by column key, and a way to report a problem in one of them. */
export interface TableRow {
  sheet: string;
  row: number;
  /** The cell's text ("" when empty or the column is absent), with spreadsheet dates already in the dataset's form. */
  text: (key: string) => string;
  raw: (key: string) => CellValue;
  has: (key: string) => boolean;
  report: (code: ProblemCode, key: string | null, params?: Record<string, string | number>, value?: unknown) => void;
  /** Where a column is, for problems found later (by the dataset's validation). */
  columns: Map<string, Column>;
}

const SKIPPED = new Set(SKIPPED_COLUMNS.map(normalizeName));

/**
 * Reads a sheet's header against the columns of its kind: known columns are kept; the export's
 * derived columns skipped; unknown ones a warning; a header repeated, or missing over values, an
 * error; a missing required column an error. Then each row, with its cells by key.
 */
export function readTable(sheet: Sheet, kind: SheetKind, problems: ImportProblem[]): TableRow[] {
  const known = headerIndex(kind);
  const columns = new Map<string, Column>();
  const at = (index: number, header: string) => ({ sheet: sheet.name, row: 1, column: header, columnIndex: index, value: header });
  sheet.header.forEach((header, index) => {
    if (header === "") {
      if (sheet.rows.some((r) => cellText(r.cells[index] ?? null) !== "")) problems.push(problem("empty-header", at(index, header)));
      return;
    }
    const name = normalizeName(header);
    const key = known.get(name);
    if (key === undefined) {
      if (!SKIPPED.has(name))
        problems.push(problem("unknown-column", at(index, header), { closest: closest(name, known.keys(), 1)[0] ?? "" }));
      return;
    }
    const first = columns.get(key);
    if (first) problems.push(problem("duplicate-column", at(index, header), { field: key, first: first.header, second: header }));
    else columns.set(key, { key, header, index });
  });
  for (const key of SHEETS[kind].required) {
    if (!columns.has(key)) problems.push(problem("missing-column", { sheet: sheet.name, row: 1, value: key }, { field: key }));
  }
  if (sheet.rows.length === 0) problems.push(problem("no-rows", { sheet: sheet.name, row: 2 }));

  const required: readonly string[] = SHEETS[kind].required;
  return sheet.rows.map(({ row, cells }) => {
    const raw = (key: string) => {
      const column = columns.get(key);
      return column ? (cells[column.index] ?? null) : null;
    };
    const tableRow: TableRow = {
      sheet: sheet.name,
      row,
      columns,
      raw,
      text: (key) => cellText(raw(key)),
      has: (key) => cellText(raw(key)) !== "",
      report: (code, key, params = {}, value) => {
        const column = key === null ? undefined : columns.get(key);
        problems.push(
          problem(
            code,
            {
              sheet: sheet.name,
              row,
              column: column?.header ?? "",
              columnIndex: column?.index,
              value: value ?? (key ? cellText(raw(key)) : ""),
            },
            params,
          ),
        );
      },
    };
    // A required cell left empty: said here, in the importer's words, rather than by the schema.
    for (const key of required) if (columns.has(key) && !tableRow.has(key)) tableRow.report("missing-value", key, { field: key });
    return tableRow;
  });
}
