/**
 * A problem found while importing, named by the cell it is in: the sheet, the spreadsheet's row
 * number (the header is row 1), the column's header as written and its letter, and the value.
 * Codes are stable: a curator's notes and the import page's filter rely on them.
 */
import { guardFormula } from "../core/formula-guard";

export type Severity = "error" | "warning";

export interface ImportProblem {
  severity: Severity;
  /** `events`, `places` … for a spreadsheet; the file name for JSON. */
  sheet: string;
  /** The spreadsheet's row number (header = 1); for JSON, the record's number (first = 1); null for the whole file or sheet. */
  row: number | null;
  /** The column's header as written (for JSON, the field); "" when the problem is not in one column. */
  column: string;
  /** `A`, `B` … `AA`; "" when there is no column. */
  columnLetter: string;
  value: string;
  code: ProblemCode;
  message: string;
  messageZh: string;
  suggestion?: string;
  suggestionZh?: string;
}

type Params = Record<string, string | number>;
type Text = (p: Params) => string;

/**
 * Every problem the importer reports: its code, severity and message in English and Chinese, and a
 * suggestion where one exists. One row per code; nothing else in lib/import writes a message.
 */
export const PROBLEM_TEXT = {
  // The file as a whole
  "empty-file": { severity: "error", en: () => "The file is empty (0 bytes).", zh: () => "文件是空的（0 字节）。" },
  "too-large": {
    severity: "error",
    en: (p) => `The file is ${p.size}; the importer reads files up to ${p.limit}.`,
    zh: (p) => `文件大小为 ${p.size}，导入上限为 ${p.limit}。`,
    suggestEn: () => "Split the spreadsheet into smaller files.",
    suggestZh: () => "请把表格拆成几个较小的文件。",
  },
  "binary-file": {
    severity: "error",
    en: (p) => `This is not a text file${p.kind ? ` (it looks like ${p.kind})` : ""}.`,
    zh: (p) => `这不是文本文件${p.kind ? `（看起来是 ${p.kind}）` : ""}。`,
    suggestEn: () => "Save the spreadsheet as CSV (UTF-8) or .xlsx.",
    suggestZh: () => "请把表格另存为 CSV（UTF-8）或 .xlsx。",
  },
  "unknown-encoding": {
    severity: "error",
    en: () => "The text is neither UTF-8, UTF-16 with a byte-order mark, nor GB18030.",
    zh: () => "文本编码既不是 UTF-8、带字节序标记的 UTF-16，也不是 GB18030。",
    suggestEn: () => "Save it as CSV UTF-8.",
    suggestZh: () => "请另存为 CSV UTF-8。",
  },
  "unsupported-format": {
    severity: "error",
    en: (p) => `Cannot import "${p.name}": the importer reads .csv, .tsv, .txt, .xlsx, .json and .geojson files.`,
    zh: (p) => `无法导入“${p.name}”：只支持 .csv、.tsv、.txt、.xlsx、.json 和 .geojson 文件。`,
  },
  "bad-xlsx": {
    severity: "error",
    en: (p) => `The .xlsx file cannot be opened: ${p.reason}.`,
    zh: (p) => `无法打开此 .xlsx 文件：${p.reason}。`,
    suggestEn: () => "Open it in a spreadsheet program and save it again as .xlsx.",
    suggestZh: () => "请用电子表格软件打开后重新保存为 .xlsx。",
  },
  "zip-bomb": {
    severity: "error",
    en: (p) => `The .xlsx file would unpack to ${p.size} (${p.reason}); the importer refuses it.`,
    zh: (p) => `此 .xlsx 文件解压后将达 ${p.size}（${p.reason}），拒绝导入。`,
  },
  "bad-json": {
    severity: "error",
    en: (p) => `The JSON cannot be read: ${p.reason}.`,
    zh: (p) => `无法读取 JSON：${p.reason}。`,
  },
  "no-events-sheet": {
    severity: "error",
    en: (p) => `The workbook has no "events" sheet (it has ${p.sheets}).`,
    zh: (p) => `工作簿中没有“events”工作表（现有：${p.sheets}）。`,
    suggestEn: () => 'Name the sheet of events "events".',
    suggestZh: () => "请把事件所在的工作表命名为“events”。",
  },
  "no-rows": { severity: "error", en: () => "The sheet has a header but no rows.", zh: () => "工作表只有表头，没有数据行。" },
  // The text of a CSV
  "unclosed-quote": {
    severity: "error",
    en: () => "A quoted cell starts here and is never closed: the rest of the file is read as this one cell.",
    zh: () => "此处开始的带引号单元格没有闭合：文件其余部分都被读成了这一个单元格。",
    suggestEn: () => 'Close the quote, or double a quote inside a cell ("").',
    suggestZh: () => '请补上右引号；单元格内的引号要写两次（""）。',
  },
  "stray-quote": {
    severity: "error",
    en: () => "A quoted cell in this row is followed by more text before its comma: the cells after it may be shifted.",
    zh: () => "此行某个带引号的单元格在右引号后、逗号前还有文字：其后的单元格可能错位。",
    suggestEn: () => 'Quote the whole cell, doubling the quotes inside it ("").',
    suggestZh: () => '请给整个单元格加引号，单元格内的引号写两次（""）。',
  },
  "short-row": {
    severity: "warning",
    en: (p) => `The row has ${p.found} cells, the header ${p.expected}: the missing cells are read as empty.`,
    zh: (p) => `该行有 ${p.found} 个单元格，表头有 ${p.expected} 个：缺少的单元格按空白处理。`,
  },
  "long-row": {
    severity: "error",
    en: (p) => `The row has ${p.found} cells, the header ${p.expected}: the cells past the header have no column.`,
    zh: (p) => `该行有 ${p.found} 个单元格，表头只有 ${p.expected} 个：多出的单元格没有对应的列。`,
    suggestEn: () => "Look for a comma that should be inside quotes.",
    suggestZh: () => "请检查是否有应放在引号内的逗号。",
  },
  // The header
  "empty-header": {
    severity: "error",
    en: () => "A column holding values has no header.",
    zh: () => "有数据的列缺少表头。",
    suggestEn: () => "Name the column, or delete it.",
    suggestZh: () => "请为该列命名，或删除该列。",
  },
  "duplicate-column": {
    severity: "error",
    en: (p) => `Two columns are both "${p.field}" (columns ${p.first} and ${p.second}).`,
    zh: (p) => `有两列都是“${p.field}”（第 ${p.first} 列和第 ${p.second} 列）。`,
    suggestEn: () => "Keep one of them.",
    suggestZh: () => "请只保留其中一列。",
  },
  "unknown-column": {
    severity: "warning",
    en: () => "Unknown column: ignored.",
    zh: () => "未知的列：已忽略。",
    suggestEn: (p) => (p.closest ? `Did you mean ${p.closest}?` : ""),
    suggestZh: (p) => (p.closest ? `是不是 ${p.closest}？` : ""),
  },
  "missing-column": {
    severity: "error",
    en: (p) => `The sheet has no "${p.field}" column.`,
    zh: (p) => `工作表缺少“${p.field}”列。`,
  },
  // Cells
  "missing-value": {
    severity: "error",
    en: (p) => `"${p.field}" is empty; every row needs one.`,
    zh: (p) => `“${p.field}”为空，每一行都必须填写。`,
  },
  "bad-date": {
    severity: "error",
    en: () => "Not a date the importer reads.",
    zh: () => "无法识别的日期。",
    suggestEn: () => "Write YYYY, YYYY-MM or YYYY-MM-DD (2015, 2015-05, 2015-05-18).",
    suggestZh: () => "请写成 YYYY、YYYY-MM 或 YYYY-MM-DD（2015、2015-05、2015-05-18）。",
  },
  "ambiguous-date": {
    severity: "error",
    en: (p) => `Cannot tell the day from the month: ${p.a} or ${p.b}.`,
    zh: (p) => `无法区分日和月：可能是 ${p.a}，也可能是 ${p.b}。`,
    suggestEn: (p) => `Write ${p.a} or ${p.b}.`,
    suggestZh: (p) => `请写成 ${p.a} 或 ${p.b}。`,
  },
  "end-before-start": {
    severity: "error",
    en: (p) => `The end ${p.end} is before the start ${p.start}.`,
    zh: (p) => `结束日期 ${p.end} 早于开始日期 ${p.start}。`,
  },
  "bad-number": { severity: "error", en: () => "Not a number.", zh: () => "不是数字。" },
  "bad-choice": {
    severity: "error",
    en: (p) => `Must be one of: ${p.choices}.`,
    zh: (p) => `只能是：${p.choices}。`,
  },
  "bad-figures": {
    severity: "error",
    en: () => "Figures are written name=number, separated by semicolons.",
    zh: () => "数字应写成“名称=数值”，用分号分隔。",
    suggestEn: () => "For example: students=about 2600; countries=40",
    suggestZh: () => "例如：students=about 2600; countries=40",
  },
  "bad-sources": {
    severity: "error",
    en: () => 'Sources are written document: "quote", separated by " | ".',
    zh: () => '来源应写成 document: "quote"，用“ | ”分隔。',
    suggestEn: () => 'For example: report.txt: "signed in Paris on 5 May"',
    suggestZh: () => '例如：report.txt: "signed in Paris on 5 May"',
  },
  "formula-cell": {
    severity: "warning",
    en: (p) => `A formula (=${p.formula}): its last computed value is imported.`,
    zh: (p) => `公式（=${p.formula}）：导入的是它上次计算的值。`,
    suggestEn: () => "Paste it as a value if that value should stay.",
    suggestZh: () => "如需固定此值，请“粘贴为数值”。",
  },
  "formula-no-value": {
    severity: "error",
    en: (p) => `A formula (=${p.formula}) with no computed value.`,
    zh: (p) => `公式（=${p.formula}）没有计算结果。`,
    suggestEn: () => "Open the file in a spreadsheet program, let it compute, and save it again.",
    suggestZh: () => "请用电子表格软件打开、重新计算后再保存。",
  },
  "error-cell": {
    severity: "error",
    en: (p) => `The cell holds the spreadsheet error ${p.error}.`,
    zh: (p) => `单元格中是电子表格错误 ${p.error}。`,
  },
  "duplicate-id": {
    severity: "error",
    en: (p) => `The id "${p.id}" is also on row ${p.other}.`,
    zh: (p) => `编号“${p.id}”在第 ${p.other} 行也出现了。`,
    suggestEn: () => "Give each row its own id.",
    suggestZh: () => "请为每一行使用不同的编号。",
  },
  // Places
  "unknown-place": {
    severity: "error",
    en: (p) => `Unknown place "${p.name}": not in the places sheet nor the gazetteer.`,
    zh: (p) => `未知地点“${p.name}”：地点表和地名库中都没有。`,
    suggestEn: (p) => (p.closest ? `Did you mean ${p.closest}? Or give lat, lon and country.` : "Give lat, lon and country."),
    suggestZh: (p) => (p.closest ? `是不是 ${p.closest}？也可以填写纬度、经度和国家。` : "请填写纬度、经度和国家。"),
  },
  "ambiguous-place": {
    severity: "error",
    en: (p) => `"${p.name}" names several places: ${p.candidates}.`,
    zh: (p) => `“${p.name}”对应多个地点：${p.candidates}。`,
    suggestEn: () => "Give the country, or lat and lon.",
    suggestZh: () => "请填写国家，或纬度和经度。",
  },
  "place-from-gazetteer": {
    severity: "warning",
    en: (p) => `"${p.name}" was placed at ${p.found} from the gazetteer${p.others ? `; other places of that name: ${p.others}` : ""}.`,
    zh: (p) => `“${p.name}”按地名库定位为 ${p.found}${p.others ? `；同名的其他地点：${p.others}` : ""}。`,
    suggestEn: () => "Check it; give lat, lon and country to place it yourself.",
    suggestZh: () => "请核对；也可自行填写纬度、经度和国家。",
  },
  "place-conflict": {
    severity: "error",
    en: (p) => `The place "${p.id}" is given other ${p.field} on row ${p.other} (${p.otherValue}).`,
    zh: (p) => `地点“${p.id}”在第 ${p.other} 行的${p.field}不同（${p.otherValue}）。`,
  },
  "place-incomplete": {
    severity: "error",
    en: () => "A place with coordinates needs a name (or id), lat, lon and country.",
    zh: () => "带坐标的地点需要名称（或编号）、纬度、经度和国家。",
  },
  "no-chinese-name": {
    severity: "warning",
    en: (p) => `The place "${p.id}" has no Chinese name: its English name stands in.`,
    zh: (p) => `地点“${p.id}”没有中文名：暂用英文名。`,
  },
  // Quotes, checked when documents are given (`--sources`)
  "unknown-document": {
    severity: "error",
    en: (p) => `"${p.document}" is not one of the documents given.`,
    zh: (p) => `“${p.document}”不在所给的文档中。`,
    suggestEn: (p) => (p.closest ? `Did you mean ${p.closest}?` : "Add the document to the folder, or correct its file name."),
    suggestZh: (p) => (p.closest ? `是不是 ${p.closest}？` : "请把该文档放进文档文件夹，或改正文件名。"),
  },
  "quote-not-found": {
    severity: "error",
    en: (p) => `The quote is not found word for word in ${p.document}.`,
    zh: (p) => `引文在 ${p.document} 中找不到逐字相同的原文。`,
    suggestEn: () => "Copy the passage from the document as it is written, spaces and punctuation included.",
    suggestZh: () => "请从文档中原样复制这段文字，包括空格和标点。",
  },
  // The dataset's own rules (lib/data/validate.ts, the same as `npm run check:data`)
  "data-rule": {
    severity: "error",
    en: (p) => String(p.message),
    zh: (p) => `不符合数据规则：${p.message}`,
  },
} satisfies Record<string, { severity: Severity; en: Text; zh: Text; suggestEn?: Text; suggestZh?: Text }>;

export type ProblemCode = keyof typeof PROBLEM_TEXT;

/** Where a problem is: everything but its wording. */
export interface ProblemAt {
  sheet: string;
  row?: number | null;
  column?: string;
  /** 0-based column index, for the letter; absent for JSON fields and whole-sheet problems. */
  columnIndex?: number;
  value?: unknown;
}

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Cells are shown as written; long ones are cut, since the problem names the cell anyway. */
function shownValue(value: unknown): string {
  if (value === undefined || value === null) return "";
  const text = value instanceof Date ? value.toISOString() : typeof value === "object" ? JSON.stringify(value) : String(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

export function problem(code: ProblemCode, at: ProblemAt, params: Params = {}): ImportProblem {
  const text: { severity: Severity; en: Text; zh: Text; suggestEn?: Text; suggestZh?: Text } = PROBLEM_TEXT[code];
  const suggestion = text.suggestEn?.(params);
  return {
    severity: text.severity,
    sheet: at.sheet,
    row: at.row ?? null,
    column: at.column ?? "",
    columnLetter: at.columnIndex === undefined ? "" : columnLetter(at.columnIndex),
    value: shownValue(at.value),
    code,
    message: text.en(params),
    messageZh: text.zh(params),
    ...(suggestion ? { suggestion, suggestionZh: text.suggestZh?.(params) ?? suggestion } : {}),
  };
}

/** The problems CSV: the contract's columns first, exactly, then the Chinese message and the suggestions. */
export const PROBLEM_CSV_COLUMNS = [
  "severity",
  "sheet",
  "row",
  "column",
  "column_letter",
  "value",
  "code",
  "message",
  "message_zh",
  "suggestion",
  "suggestion_zh",
];

function csvField(cell: string): string {
  // A value that would be read as a formula is kept as text, as the CSV export does (CSV injection).
  const guarded = guardFormula(cell);
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function problemsCsv(problems: ImportProblem[]): string {
  const rows = problems.map((p) =>
    [
      p.severity,
      p.sheet,
      p.row === null ? "" : String(p.row),
      p.column,
      p.columnLetter,
      p.value,
      p.code,
      p.message,
      p.messageZh,
      p.suggestion ?? "",
      p.suggestionZh ?? "",
    ]
      .map(csvField)
      .join(","),
  );
  return "\uFEFF" + [PROBLEM_CSV_COLUMNS.join(","), ...rows].join("\r\n") + "\r\n";
}
