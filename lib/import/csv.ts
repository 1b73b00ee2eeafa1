import Papa from "papaparse";
import { unguardFormula } from "../core/formula-guard";
import { problem, type ImportProblem } from "./problems";
import type { Sheet } from "./sheet";

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
 * Reads CSV/TSV text (RFC 4180: a quoted cell may hold commas, quotes and line breaks) into one sheet.
 * A record is a spreadsheet row, however many lines it spans, so row numbers are the ones a
 * spreadsheet shows; blank rows keep their number and are skipped. Rows are taken one at a time from
 * the parser (its `step`), so no second array of every row is built beside the sheet's.
 */
export function readCsv(
  text: string,
  sheetName: string,
  tab: boolean,
  progress?: (fraction: number) => void,
): { sheet: Sheet; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const sheet: Sheet = { name: sheetName, header: [], rows: [] };
  let header: string[] | null = null;
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
        header = cells;
        sheet.header = header.map((h) => detached(h.trim()));
      } else readRecord(cells, row, header, sheet, problems);
    },
  });
  return { sheet, problems };
}

function readRecord(cells: string[], row: number, header: string[], sheet: Sheet, problems: ImportProblem[]) {
  if (cells.every((c) => c.trim() === "")) return;
  if (cells.length > header.length) {
    const extra = cells.findIndex((c, j) => j >= header.length && c.trim() !== "");
    if (extra >= 0)
      problems.push(
        problem(
          "long-row",
          { sheet: sheet.name, row, columnIndex: extra, value: cells[extra] },
          { found: cells.length, expected: header.length },
        ),
      );
  } else if (cells.length < header.length) {
    problems.push(
      problem(
        "short-row",
        { sheet: sheet.name, row, column: header[cells.length], columnIndex: cells.length },
        { found: cells.length, expected: header.length },
      ),
    );
  }
  // In place: the parser's array for this row is the sheet's.
  for (let i = 0; i < cells.length; i++) cells[i] = detached(unguardFormula(cells[i]));
  sheet.rows.push({ row, cells });
}

/**
 * A copy of a cell that does not point into the file's text. V8 cuts a substring of 13 characters or
 * more as a slice of its parent, so one kept cell would keep the whole text alive (at 10⁵ rows,
 * about 90 MB once a Chinese character makes it two bytes a character). Joining and cutting again
 * is the usual way to make V8 copy the characters.
 */
function detached(cell: string): string {
  return cell.length < 13 ? cell : (" " + cell).slice(1);
}
