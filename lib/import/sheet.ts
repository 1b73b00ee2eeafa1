/** A sheet as the readers (CSV, .xlsx) hand it on: its header and rows of cells, each row with its spreadsheet number. */
export interface SpreadsheetDate {
  /** Already in the dataset's form (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`). */
  date: string;
}

export type CellValue = string | number | boolean | SpreadsheetDate | null;

export interface SheetRow {
  /** The spreadsheet's row number: the header is row 1. */
  row: number;
  cells: CellValue[];
}

export interface Sheet {
  name: string;
  header: string[];
  rows: SheetRow[];
}

export const isSpreadsheetDate = (value: CellValue): value is SpreadsheetDate => typeof value === "object" && value !== null;

export function cellText(value: CellValue): string {
  if (value === null) return "";
  if (isSpreadsheetDate(value)) return value.date;
  return String(value).trim();
}
