import ExcelJS from "exceljs";
import { sheetKind, type SheetKind } from "./columns";
import { spreadsheetDate } from "./dates";
import { problem, type ImportProblem } from "./problems";
import type { CellValue, Sheet } from "./sheet";
import { checkZip } from "./zip-guard";

type Cell = ExcelJS.Cell;

/**
 * One .xlsx cell as a value: text, number, yes/no, or a date in the dataset's form (a real date
 * cell, its precision from its number format). A formula gives its last computed value, with a
 * warning; an error cell (#REF!, #N/A …) is an error.
 */
function cellValue(
  cell: Cell,
  report: (p: ImportProblem) => void,
  at: { sheet: string; row: number; column: string; columnIndex: number },
): CellValue {
  const value = cell.value;
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return { date: spreadsheetDate(value, cell.numFmt) };
  if (typeof value !== "object") return value;
  if ("formula" in value || "sharedFormula" in value) {
    const formula = cell.formula ?? "";
    const result = value.result;
    if (result === undefined || result === null) {
      report(problem("formula-no-value", { ...at, value: `=${formula}` }, { formula }));
      return null;
    }
    if (typeof result === "object" && "error" in result) {
      report(problem("error-cell", { ...at, value: `=${formula}` }, { error: String(result.error) }));
      return null;
    }
    report(problem("formula-cell", { ...at, value: result instanceof Date ? spreadsheetDate(result, cell.numFmt) : result }, { formula }));
    return result instanceof Date ? { date: spreadsheetDate(result, cell.numFmt) } : result;
  }
  if ("error" in value) {
    report(problem("error-cell", { ...at, value: String(value.error) }, { error: String(value.error) }));
    return null;
  }
  if ("richText" in value) return value.richText.map((t) => t.text).join("");
  // A hyperlink: its text.
  if ("text" in value) return String(value.text);
  return null;
}

function readWorksheet(worksheet: ExcelJS.Worksheet, name: string, problems: ImportProblem[]): Sheet {
  const width = worksheet.columnCount;
  const headerRow = worksheet.getRow(1);
  const header = Array.from({ length: width }, (_, c) => String(headerRow.getCell(c + 1).text ?? "").trim());
  const sheet: Sheet = { name, header, rows: [] };
  for (let r = 2; r <= worksheet.rowCount; r++) {
    const row = worksheet.getRow(r);
    if (!row.hasValues) continue;
    const cells = header.map((column, c) =>
      cellValue(row.getCell(c + 1), (p) => problems.push(p), { sheet: name, row: r, column, columnIndex: c }),
    );
    sheet.rows.push({ row: r, cells });
  }
  return sheet;
}

/**
 * Reads an .xlsx workbook: its `events` sheet (or its only sheet), and the optional `places`,
 * `organizations` and `categories` sheets (English or Chinese names). The zip is checked before
 * anything is unpacked.
 */
export async function readXlsx(
  bytes: Uint8Array,
  fileName: string,
): Promise<{ sheets: Partial<Record<SheetKind, Sheet>>; problems: ImportProblem[] }> {
  const problems: ImportProblem[] = [];
  const verdict = checkZip(bytes);
  if (!verdict.ok) {
    const { code, ok: _ok, ...params } = verdict;
    problems.push(problem(code, { sheet: fileName }, params));
    return { sheets: {}, problems };
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's types ask for its Node Buffer; in the browser its bundle takes an ArrayBuffer.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    problems.push(problem("bad-xlsx", { sheet: fileName }, { reason: (error as Error).message }));
    return { sheets: {}, problems };
  }
  const sheets: Partial<Record<SheetKind, Sheet>> = {};
  const worksheets = workbook.worksheets;
  for (const worksheet of worksheets) {
    const kind = sheetKind(worksheet.name) ?? (worksheets.length === 1 ? "events" : undefined);
    if (kind && !sheets[kind]) sheets[kind] = readWorksheet(worksheet, worksheet.name, problems);
  }
  if (!sheets.events)
    problems.push(problem("no-events-sheet", { sheet: fileName }, { sheets: worksheets.map((w) => w.name).join(", ") || "none" }));
  return { sheets, problems };
}
