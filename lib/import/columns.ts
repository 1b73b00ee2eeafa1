/**
 * The columns the importer reads, sheet by sheet: the CSV export's data columns (lib/export/csv.ts,
 * the import template) with the other names a curator may write, Chinese ones included. Headers are
 * matched without regard to case, spaces and underscores (`Title ZH`, `title_zh` and `titleZh` are
 * one column), so the dataset's JSON field names match too.
 */
export const SHEETS = {
  events: {
    names: ["events", "事件"],
    columns: {
      id: ["编号"],
      start: ["开始", "开始日期", "日期", "date", "start date"],
      end: ["结束", "结束日期", "end date"],
      date_certainty: ["日期确定性"],
      date_inferred: ["日期推断部分"],
      title: ["标题", "英文标题"],
      title_zh: ["中文标题"],
      title_zh_source: ["中文标题来源"],
      summary: ["摘要", "简介"],
      place_id: ["地点编号"],
      place: ["地点", "城市", "city"],
      place_zh: ["中文地名", "地点中文名"],
      country: ["国家"],
      lat: ["纬度", "latitude"],
      lon: ["经度", "longitude", "lng"],
      place_certainty: ["地点确定性"],
      online: ["线上"],
      category: ["类别", "分类"],
      organizations: ["机构", "组织"],
      people: ["人物"],
      figures: ["数字"],
      sources: ["来源"],
    },
    /** Columns every event sheet needs (the dataset's required fields); `id` is made from the date and title when absent. */
    required: ["title", "summary", "start", "category", "sources"],
  },
  places: {
    names: ["places", "地点"],
    columns: {
      id: ["编号"],
      name: ["名称", "英文名"],
      name_zh: ["中文名", "中文名称"],
      country: ["国家"],
      lat: ["纬度", "latitude"],
      lon: ["经度", "longitude", "lng"],
    },
    required: ["id", "name", "country", "lat", "lon"],
  },
  organizations: {
    names: ["organizations", "机构"],
    columns: { id: ["编号"], name: ["名称", "英文名"], name_zh: ["中文名", "中文名称"] },
    required: ["id", "name"],
  },
  categories: {
    names: ["categories", "类别"],
    columns: { id: ["编号"], name: ["名称", "英文名"], name_zh: ["中文名", "中文名称"] },
    required: ["id", "name"],
  },
} as const;

export type SheetKind = keyof typeof SHEETS;
export type ColumnKey<K extends SheetKind> = keyof (typeof SHEETS)[K]["columns"] & string;

/**
 * The CSV export's derived columns (names, wording and links in the export's language: its
 * `CSV_DERIVED_COLUMNS`, which a test keeps equal to this list): the importer skips them silently.
 */
export const SKIPPED_COLUMNS = [
  "place_name",
  "country_name",
  "category_name",
  "organization_names",
  "figures_text",
  "sources_text",
  "url",
  "source_urls",
];

export function normalizeName(name: string): string {
  return name.normalize("NFKC").toLowerCase().replace(/[\s_]/g, "");
}

/** The sheet kind a sheet's name means, or undefined. */
export function sheetKind(name: string): SheetKind | undefined {
  const key = normalizeName(name);
  return (Object.keys(SHEETS) as SheetKind[]).find((kind) => SHEETS[kind].names.some((n) => normalizeName(n) === key));
}

/** Normalized header → column key, for one kind of sheet. */
export function headerIndex(kind: SheetKind): Map<string, string> {
  const index = new Map<string, string>();
  for (const [key, aliases] of Object.entries(SHEETS[kind].columns) as [string, readonly string[]][]) {
    for (const name of [key, ...aliases]) index.set(normalizeName(name), key);
  }
  return index;
}
