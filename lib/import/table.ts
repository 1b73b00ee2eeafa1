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

/** A sheet read a row at a time: `add` each row as it comes, then `finish`. */
export interface TableReader {
  /** One row (its spreadsheet number and cells, in the header's order) → the row by column key. */
  add(row: number, cells: CellValue[]): TableRow;
  /** What only the whole sheet tells: a column without a header that holds values; no rows at all. */
  finish(): void;
}

/**
 * Reads a sheet's header against the columns of its kind: known columns are kept; the export's
 * derived columns skipped; unknown ones a warning; a header repeated, or missing over values, an
 * error; a missing required column an error. Then each row as it comes (a CSV's straight from the
 * parser), with its cells by key.
 */
export function tableReader(sheetName: string, header: string[], kind: SheetKind, problems: ImportProblem[]): TableReader {
  const known = headerIndex(kind);
  const columns = new Map<string, Column>();
  const at = (index: number, header: string) => ({ sheet: sheetName, row: 1, column: header, columnIndex: index, value: header });
  /** Columns without a header, and whether a row has written in them (an error then, said once). */
  const unnamed = new Map<number, boolean>();
  header.forEach((header, index) => {
    if (header === "") {
      unnamed.set(index, false);
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
    if (!columns.has(key)) problems.push(problem("missing-column", { sheet: sheetName, row: 1, value: key }, { field: key }));
  }

  const required: readonly string[] = SHEETS[kind].required;
  // A row keeps the cells of the columns read, in this order, and no others (the export's derived
  // columns, unknown ones): at 10⁵ rows every cell held weighs.
  const read = [...columns.values()];
  const table: Table = { sheet: sheetName, columns, slots: new Map(read.map((c, slot) => [c.key, slot])), problems };
  let rows = 0;
  // Short cells repeat (stated, false, cn, a place's id and coordinates, a date): each text held once.
  const shortCells = new Map<string, string>();
  const keep = (cell: CellValue): CellValue => {
    if (typeof cell !== "string") return cell;
    if (cell.length >= SLICED_LENGTH) return keptCell(cell);
    const seen = shortCells.get(cell);
    if (seen !== undefined) return seen;
    shortCells.set(cell, cell);
    return cell;
  };
  return {
    add(row, cells) {
      rows += 1;
      for (const [index, written] of unnamed) if (!written && cellText(cells[index] ?? null) !== "") unnamed.set(index, true);
      const tableRow = new Row(
        table,
        row,
        read.map((c) => keep(cells[c.index] ?? null)),
      );
      // A required cell left empty: said here, in the importer's words, rather than by the schema.
      for (const key of required) if (columns.has(key) && !tableRow.has(key)) tableRow.report("missing-value", key, { field: key });
      return tableRow;
    },
    finish() {
      for (const [index, written] of unnamed) if (written) problems.push(problem("empty-header", at(index, "")));
      if (rows === 0) problems.push(problem("no-rows", { sheet: sheetName, row: 2 }));
    },
  };
}

/** V8 cuts a substring this long or longer as a slice of its parent (a shorter one is copied). */
const SLICED_LENGTH = 13;

/**
 * A cell to keep, copied out of the text it was cut from. A slice of the file's text (or of a
 * workbook's XML) would keep that whole text alive: at 10⁵ rows, about 90 MB once a Chinese character
 * makes it two bytes a character. Joining and cutting again is the usual way to make V8 copy.
 */
export function keptCell(cell: string): string {
  return cell.length < SLICED_LENGTH ? cell : (" " + cell).slice(1);
}

/** A whole sheet (an .xlsx's) read against its header. */
export function readTable(sheet: Sheet, kind: SheetKind, problems: ImportProblem[]): TableRow[] {
  const reader = tableReader(sheet.name, sheet.header, kind, problems);
  const rows = sheet.rows.map(({ row, cells }) => reader.add(row, cells));
  reader.finish();
  return rows;
}

/** What the rows of one sheet share. */
interface Table {
  sheet: string;
  columns: Map<string, Column>;
  /** Where each column's cell is in a row's cells. */
  slots: Map<string, number>;
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
    const slot = this.table.slots.get(key);
    return slot === undefined ? null : this.cells[slot];
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
