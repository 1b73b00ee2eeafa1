import Papa from "papaparse";
import { unguardFormula } from "../core/formula-guard";
import { problem, type ImportProblem } from "./problems";
import type { Sheet } from "./sheet";

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
 * spreadsheet shows; blank rows keep their number and are skipped.
 */
export function readCsv(text: string, sheetName: string, tab: boolean): { sheet: Sheet; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const parsed = Papa.parse<string[]>(text, { delimiter: delimiterOf(text, tab), skipEmptyLines: false });
  for (const error of parsed.errors) {
    // Field counts are checked below against the header; quotes are what papaparse alone sees. Its `row` counts records from 0, the header included.
    if (error.code === "MissingQuotes") problems.push(problem("unclosed-quote", { sheet: sheetName, row: (error.row ?? 0) + 1 }));
    if (error.code === "InvalidQuotes") problems.push(problem("stray-quote", { sheet: sheetName, row: (error.row ?? 0) + 1 }));
  }
  const [header = [], ...records] = parsed.data;
  const sheet: Sheet = { name: sheetName, header: header.map((h) => h.trim()), rows: [] };
  records.forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => c.trim() === "")) return;
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
    sheet.rows.push({ row, cells: cells.map((c) => unguardFormula(c)) });
  });
  return { sheet, problems };
}
