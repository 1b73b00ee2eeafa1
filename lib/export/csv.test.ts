import { describe, expect, it } from "vitest";
import { CSV_DERIVED_COLUMNS, guardFormula, toCsv } from "./csv";
import { exportFixtureIndex } from "../data/test-fixtures";
import { parseCsv } from "./csv-read";

const index = exportFixtureIndex();
const csv = toCsv(index.events, index);
const body = csv.replace(/^\uFEFF/, "");
const [header, ...rows] = parseCsv(body);
const byId = rowsOf(csv);

/** Each row as {column: cell}, by event id. */
function rowsOf(text: string): Map<string, Record<string, string>> {
  const [names, ...cells] = parseCsv(text.replace(/^\uFEFF/, ""));
  return new Map(cells.map((r) => [r[0], Object.fromEntries(names.map((h, i) => [h, r[i]]))]));
}

describe("toCsv", () => {
  it("starts with a UTF-8 BOM and a header row", () => {
    expect(csv.startsWith("\uFEFFid,start,end,date_certainty,date_inferred,title,title_zh,title_zh_source,summary,place_id,")).toBe(true);
    expect(header).toEqual([
      "id",
      "start",
      "end",
      "date_certainty",
      "date_inferred",
      "title",
      "title_zh",
      "title_zh_source",
      "summary",
      "place_id",
      "place",
      "place_zh",
      "place_name",
      "country",
      "country_name",
      "lat",
      "lon",
      "place_certainty",
      "online",
      "category",
      "category_name",
      "organizations",
      "organization_names",
      "people",
      "figures",
      "figures_text",
      "sources",
      "sources_text",
      "url",
      "source_urls",
    ]);
  });

  it("writes one row per event, every row as wide as the header, CRLF-terminated", () => {
    expect(rows).toHaveLength(index.events.length);
    for (const row of rows) expect(row).toHaveLength(header.length);
    expect(body.endsWith("\r\n")).toBe(true);
    expect(body.replace(/"[^"]*"/g, "").match(/(?<!\r)\n/)).toBeNull();
  });

  it("quotes commas, quotes and newlines, and round-trips them with Chinese intact", () => {
    const row = byId.get("2016-06-08-ichei-founded")!;
    expect(row.summary).toBe('The centre, "ICHEI", opens in Shenzhen; a first step, with partners.\nSecond line.');
    expect(body).toContain('"The centre, ""ICHEI"", opens');
    expect(row.title_zh).toBe("联合国教科文组织高等教育创新中心成立");
    expect(row.place_zh).toBe("北京");
    expect(row.organizations).toBe("unesco; moe");
    expect(row.organization_names).toBe("UNESCO; Ministry of Education, PRC");
    expect(row.people).toBe("Irina Bokova; Li Wei");
    expect(row.title_zh_source).toBe("translation");
    expect(row.figures).toBe("participants=300; countriesAndRegions=about 12");
    expect(row.figures_text).toBe("300 participants; about 12 countries and regions");
    expect(row.sources).toBe('seed-a.md: "was founded on 8 June 2016" | seed-b.md: "ICHEI, in Shenzhen"');
    expect(row.sources_text).toBe(row.sources);
  });

  it("leaves unquoted the fields that need no quoting", () => {
    expect(body).toContain("\r\n2025-10-13-forum,2025-10-13,2025-10-15,inferred,year,Forum in Lima,,,");
  });

  it("fills place columns for mapped events and leaves them empty for unmapped ones", () => {
    const lima = byId.get("2025-10-13-forum")!;
    expect([lima.place_id, lima.place, lima.country, lima.lat, lima.lon]).toEqual(["lima", "Lima", "pe", "-12.0464", "-77.0428"]);
    const online = byId.get("2015-05-online-dialogue")!;
    expect([online.place, online.lat, online.lon, online.online]).toEqual(["", "", "", "true"]);
    // No place, so nothing to be sure of: the certainty column stays empty rather than saying "stated".
    expect([online.place_certainty, lima.place_certainty]).toEqual(["", "inferred"]);
  });

  it("names each source document by its title when the dataset lists it, and keeps the cited file beside it", () => {
    const withSources = exportFixtureIndex(
      [],
      [{ id: "seed-a", file: "seed-a.md", title: "Seed A report", titleSource: "supplied", language: ["en"] }],
    );
    const row = rowsOf(toCsv(withSources.events, withSources)).get("2016-06-08-ichei-founded")!;
    expect(row.sources_text).toBe('Seed A report: "was founded on 8 June 2016" | seed-b.md: "ICHEI, in Shenzhen"');
    expect(row.sources).toBe('seed-a.md: "was founded on 8 June 2016" | seed-b.md: "ICHEI, in Shenzhen"');
  });

  it("neutralises formula-like text but not negative coordinates", () => {
    const report = byId.get("2022-report")!;
    expect(report.title).toBe("'=Report published");
    expect(report.summary).toBe("'-A report.");
    expect(byId.get("2025-10-13-forum")!.lat).toBe("-12.0464");
  });

  it("guards a formula sign behind leading blanks or in full-width form, and leaves plain text alone", () => {
    const formulas = [
      "=1+1",
      "+1",
      "-1",
      "@SUM(A1)",
      "\tx",
      "\rx",
      '\n=HYPERLINK("http://x")',
      " =1+1",
      "  \n +cmd",
      "\u3000=1", // ideographic space
      "\u200b=1", // zero-width space
      "＝1+1",
      "＋1",
      "－1",
      "＠SUM(A1)",
      " ＝1",
      "﹦1",
    ];
    for (const cell of formulas) expect(guardFormula(cell), JSON.stringify(cell)).toBe(`'${cell}`);
    for (const cell of ["UNESCO", "上海 2025", "a = b", "2025-10-13", " plain", "“=quoted”", "（＝）"])
      expect(guardFormula(cell)).toBe(cell);
  });

  it("writes just the header for no events", () => {
    expect(toCsv([], index)).toBe("\uFEFF" + header.join(",") + "\r\n");
  });
});

describe("the CSV in people's words", () => {
  const sources = [
    { id: "seed-a", file: "seed-a.md", title: "Seed A report", titleSource: "supplied" as const, language: ["en"] },
    { id: "seed-c", file: "seed-c.md", title: "Seed C", titleSource: "supplied" as const, language: ["en"] },
  ];
  const listed = exportFixtureIndex([], sources);
  const en = rowsOf(toCsv(listed.events, listed, "en", "https://example.org"));
  const zh = rowsOf(toCsv(listed.events, listed, "zh", "https://example.org"));

  it("names the category, country, place and organizations as the page does, in the view's language, beside the ids", () => {
    const founded = en.get("2016-06-08-ichei-founded")!;
    expect([founded.category, founded.category_name]).toEqual(["founding", "Founding"]);
    expect([founded.country, founded.country_name]).toEqual(["cn", "China"]);
    expect([founded.place_id, founded.place_name]).toEqual(["beijing", "Beijing"]);
    const zhFounded = zh.get("2016-06-08-ichei-founded")!;
    expect([zhFounded.country_name, zhFounded.place_name, zhFounded.organization_names]).toEqual([
      "中国",
      "北京",
      "联合国教科文组织; Ministry of Education, PRC",
    ]);
    expect(zh.get("2025-10-13-forum")!.country_name).toBe("秘鲁");
    // No place, no country: the name columns stay empty rather than guessing.
    expect([en.get("2015-05-online-dialogue")!.country_name, en.get("2015-05-online-dialogue")!.place_name]).toEqual(["", ""]);
  });

  it("links each event and each quoted passage absolutely, in the view's language", () => {
    expect(en.get("2016-06-08-ichei-founded")!.url).toBe("https://example.org/?event=2016-06-08-ichei-founded");
    expect(zh.get("2016-06-08-ichei-founded")!.url).toBe("https://example.org/?event=2016-06-08-ichei-founded&lang=zh");
    // One link per quote in the order of `sources`; seed-b.md has no page, so its place stays empty.
    expect(en.get("2016-06-08-ichei-founded")!.source_urls).toBe("https://example.org/sources/seed-a#q-2016-06-08-ichei-founded--1 | ");
    expect(zh.get("2025-10-13-forum")!.source_urls).toBe("https://example.org/sources/seed-c?lang=zh#q-2025-10-13-forum--1");
    expect(en.get("2015-05-online-dialogue")!.source_urls).toBe("");
  });

  it("keeps every data column the same in any language and site, so an export imports back to the same events", () => {
    const other = rowsOf(toCsv(listed.events, listed, "zh", "http://localhost:3000"));
    const dataColumns = Object.keys(en.get("2022-report")!).filter((name) => !CSV_DERIVED_COLUMNS.includes(name));
    expect(dataColumns).toEqual(expect.arrayContaining(["id", "place_id", "country", "category", "organizations", "sources"]));
    for (const [id, row] of en) {
      for (const name of dataColumns) expect([id, name, other.get(id)![name]]).toEqual([id, name, row[name]]);
    }
    // The ids columns are the record's own ids, not names.
    const record = listed.eventById.get("2016-06-08-ichei-founded")!;
    expect(en.get(record.id)!.organizations.split("; ")).toEqual(record.organizations);
    expect(en.get(record.id)!.place_id).toBe(record.place);
  });
});
