import Papa from "papaparse";
import { unguardFormula } from "../core/formula-guard";
import { problem, type ImportProblem } from "./problems";
import { keptCell, tableReader, type TableReader, type TableRow } from "./table";

/** How many rows between two reports of how far the reading is. */
const PROGRESS_EVERY = 1000;

/** The delimiters a CSV may use (Excel in many European locales writes `;`), told from the header line. */
const DELIMITERS = [",", "\t", ";"];

function delimiterOf(text: string, tab: boolean): string {
  if (tab) return "\t";
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = DELIMITERS.map((d) => firstLine.split(d).length);
  return DELIMITERS[counts.indexOf(Math.max(...counts))];
}

/**
 * Reads CSV/TSV text (RFC 4180: a quoted cell may hold commas, quotes and line breaks) as the
 * `events` sheet. A record is a spreadsheet row, however many lines it spans, so row numbers are the
 * ones a spreadsheet shows; blank rows keep their number and are skipped. Each row goes from the
 * parser (its `step`) straight to the table reader: the parser's array of cells dies young, and only
 * the cells of the columns read are kept, copied out of the text (which can then go).
 */
export function readCsv(
  text: string,
  { tab, problems, progress }: { tab: boolean; problems: ImportProblem[]; progress?: (fraction: number) => void },
): TableRow[] {
  const sheetName = "events";
  const rows: TableRow[] = [];
  let header: string[] | null = null;
  let table: TableReader | null = null;
  // The spreadsheet's number of the record at hand: the header is row 1.
  let row = 0;
  Papa.parse<string[]>(text, {
    delimiter: delimiterOf(text, tab),
    skipEmptyLines: false,
    step: ({ data: cells, errors, meta }) => {
      row += 1;
      if (progress && row % PROGRESS_EVERY === 0) progress(meta.cursor / text.length);
      for (const error of errors) {
        // Field counts are checked below against the header; quotes are what papaparse alone sees.
        if (error.code === "MissingQuotes") problems.push(problem("unclosed-quote", { sheet: sheetName, row }));
        if (error.code === "InvalidQuotes") problems.push(problem("stray-quote", { sheet: sheetName, row }));
      }
      if (header === null) {
        header = cells.map((h) => keptCell(h.trim()));
        table = tableReader(sheetName, header, "events", problems);
      } else if (readRecord(cells, row, header, sheetName, problems)) rows.push(table!.add(row, cells));
    },
  });
  (table ?? tableReader(sheetName, [], "events", problems)).finish();
  return rows;
}

/** Checks one record's length against the header and takes its cells as the sheet's text; false for a blank row. */
function readRecord(cells: string[], row: number, header: string[], sheetName: string, problems: ImportProblem[]): boolean {
  if (cells.every((c) => c.trim() === "")) return false;
  if (cells.length > header.length) {
    const extra = cells.findIndex((c, j) => j >= header.length && c.trim() !== "");
    if (extra >= 0)
      problems.push(
        problem(
          "long-row",
          { sheet: sheetName, row, columnIndex: extra, value: cells[extra] },
          { found: cells.length, expected: header.length },
        ),
      );
  } else if (cells.length < header.length) {
    problems.push(
      problem(
        "short-row",
        { sheet: sheetName, row, column: header[cells.length], columnIndex: cells.length },
        { found: cells.length, expected: header.length },
      ),
    );
  }
  // In place: the formula guard taken off (the table keeps the cells it reads: lib/import/table.ts).
  for (let i = 0; i < cells.length; i++) cells[i] = unguardFormula(cells[i]);
  return true;
}
