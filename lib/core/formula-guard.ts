/**
 * A spreadsheet may read a text cell as a formula when it starts with = + - @, with a tab, CR or
 * LF, or with a formula sign after leading blanks (spaces, line feeds, zero-width spaces: some
 * spreadsheets trim them) or in its full-width or small form (＝ ＋ － ＠ ﹦ ﹢ ﹣ ﹫, which an East
 * Asian spreadsheet turns into the ASCII sign). A leading apostrophe keeps it text (OWASP "CSV
 * injection"). Our data is curated, but users may bring their own dataset through EVENTS_DATA_DIR.
 * The CSV export guards its cells with it and the importer takes the guard off again.
 */
const FORMULA_START = /^(?:[\t\r\n]|[\s\u200b-\u200d\u2060]*[=+\-@\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b])/;

export function guardFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** The cell as written before `guardFormula`: an apostrophe before what would be a formula is dropped. */
export function unguardFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}
