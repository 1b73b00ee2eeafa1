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
  const table: Table = { sheet: sheet.name, columns, problems };
  const read = new Set([...columns.values()].map((c) => c.index));
  return sheet.rows.map(({ row, cells }) => {
    // The cells of columns not read (the export's derived ones, unknown ones) are let go: at 10⁵ rows they weigh.
    for (let i = 0; i < cells.length; i++) if (!read.has(i)) cells[i] = null;
    const tableRow = new Row(table, row, cells);
    // A required cell left empty: said here, in the importer's words, rather than by the schema.
    for (const key of required) if (columns.has(key) && !tableRow.has(key)) tableRow.report("missing-value", key, { field: key });
    return tableRow;
  });
}

/** What the rows of one sheet share. */
interface Table {
  sheet: string;
  columns: Map<string, Column>;
  problems: ImportProblem[];
}

/** A row: its number and cells, and the sheet's shared columns (a class, so that 10⁵ rows share their methods). */
class Row implements TableRow {
  constructor(
    private readonly table: Table,
    readonly row: number,
    private readonly cells: CellValue[],
  ) {}

  get sheet() {
    return this.table.sheet;
  }

  get columns() {
    return this.table.columns;
  }

  raw(key: string): CellValue {
    const column = this.table.columns.get(key);
    return column ? (this.cells[column.index] ?? null) : null;
  }

  text(key: string) {
    return cellText(this.raw(key));
  }

  has(key: string) {
    return this.text(key) !== "";
  }

  report(code: ProblemCode, key: string | null, params: Record<string, string | number> = {}, value?: unknown) {
    const column = key === null ? undefined : this.table.columns.get(key);
    this.table.problems.push(
      problem(
        code,
        {
          sheet: this.table.sheet,
          row: this.row,
          column: column?.header ?? "",
          columnIndex: column?.index,
          value: value ?? (key ? this.text(key) : ""),
        },
        params,
      ),
    );
  }
}
