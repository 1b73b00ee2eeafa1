import { describe, expect, it, vi } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";

vi.mock("server-only", () => ({}));
const { default: ImportPage, generateMetadata } = await import("./page");

const html = async (params: Record<string, string>) => renderToStaticMarkup(await ImportPage({ searchParams: Promise.resolve(params) }));
const hrefs = (markup: string) => [...markup.matchAll(/href="([^"]*)"/g)].map((m) => m[1].replaceAll("&amp;", "&"));

describe("the import page", () => {
  it("offers a file input for every format the importer reads, says nothing is uploaded, and links the template", async () => {
    const page = await html({});
    expect(page).toContain("<h1>Import a spreadsheet</h1>");
    expect(page).toContain('accept=".csv,.tsv,.txt,.xlsx,.json,.geojson"');
    expect(page).toContain("nothing is uploaded");
    expect(page).toContain("No file checked yet.");
    expect(hrefs(page)).toEqual(["/", "/import?lang=zh", "/api/events?format=csv"]);
  });

  it("speaks Chinese, and keeps the language on its links", async () => {
    const page = await html({ lang: "zh" });
    expect(page).toContain("<h1>导入表格</h1>");
    expect(page).toContain("选择文件");
    expect(hrefs(page)).toEqual(["/?lang=zh", "/import", "/api/events?lang=zh&format=csv"]);
    expect((await generateMetadata({ searchParams: Promise.resolve({ lang: "zh" }) })).title).toBe("导入表格：按数据集规则检查");
  });
});
