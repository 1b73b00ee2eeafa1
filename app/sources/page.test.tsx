import { describe, expect, it, vi } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { fixtureDataset } from "@/lib/data/test-fixtures";
import { indexDataset } from "@/lib/data/dataset";
import { memorySnapshot } from "@/lib/data/memory-store";

vi.mock("server-only", () => ({}));
// The fixture's six events: four from "About Us" (one also from the list), two from the list alone.
const store = vi.hoisted(() => ({ current: null as unknown }));
vi.mock("@/lib/data/store", async (original) => ({
  ...(await original<typeof import("@/lib/data/store")>()),
  openSnapshot: async () => store.current,
}));
const data = fixtureDataset();
data.sources = [
  {
    id: "about",
    file: "about.txt",
    title: "About Us",
    titleSource: "document",
    publisher: "UNESCO-ICHEI",
    language: ["en"],
    note: "Its milestones.",
  },
  { id: "list", file: "list.txt", title: "A list", titleSource: "supplied", language: ["en", "zh-Hans"] },
];
data.events.forEach((e, i) => (e.sources = [{ document: i < 4 ? "about.txt" : "list.txt", quote: "q" }]));
data.events[3].sources.push({ document: "list.txt", quote: "r" });
store.current = memorySnapshot(
  indexDataset(
    data,
    new Map([
      ["about.txt", "q"],
      ["list.txt", "q r"],
    ]),
  ),
  "v1",
);

const { default: SourcesIndex, generateMetadata } = await import("./page");
const { default: SourcePage } = await import("./[id]/page");

const html = async (params: Record<string, string>) => renderToStaticMarkup(await SourcesIndex({ searchParams: Promise.resolve(params) }));
const hrefs = (markup: string) => [...markup.matchAll(/href="([^"]*)"/g)].map((m) => m[1].replaceAll("&amp;", "&"));

describe("the sources index", () => {
  it("says what the data covers and, per document, what it is and how many events rest on it", async () => {
    const page = await html({});
    expect(page).toContain("6 events dated 2015–2025, from 2 documents.");
    expect(page).toContain("A document in English, with a title of its own, published by UNESCO-ICHEI. It states no date or address.");
    expect(page).toContain('<p class="note" lang="en">Its milestones.</p>');
    const counts = [...page.matchAll(/data-testid="source-events">(\d+)</g)].map((m) => Number(m[1]));
    expect(counts).toEqual([4, 3]);
    expect(hrefs(page)).toEqual(["/", "/sources/about", "/sources/list", "/import"]);
  });

  it("speaks Chinese, and keeps the language on every link", async () => {
    const page = await html({ lang: "zh" });
    expect(page).toContain("<h1>关于本数据</h1>");
    expect(page).toContain("英语和简体中文文件，标题由本项目拟定。文件未注明标题、发布者、日期或地址。");
    expect(hrefs(page)).toEqual(["/?lang=zh", "/sources/about?lang=zh", "/sources/list?lang=zh", "/import?lang=zh"]);
    expect((await generateMetadata({ searchParams: Promise.resolve({ lang: "zh" }) })).title).toBe("关于本数据：来源文件");
  });

  it("leads back to the view it was opened from, and passes that view on to the documents' pages", async () => {
    const page = await html({ back: "city=shanghai&from=2023&event=2023-07-02-meeting", lang: "zh" });
    const [back, about] = hrefs(page);
    expect(back).toBe("/?from=2023&city=shanghai&event=2023-07-02-meeting&lang=zh");
    expect(about).toBe("/sources/about?lang=zh&back=from%3D2023%26city%3Dshanghai%26event%3D2023-07-02-meeting");
  });

  it("never leads off the site, nor writes what it was given", async () => {
    const page = await html({ back: 'https://evil.example/"><script>x</script>&city=atlantis' });
    expect(hrefs(page)[0]).toBe("/");
    expect(page).not.toContain("evil");
  });
});

describe("a source page", () => {
  it("leads back to the view it was opened from, and to the index with the same view", async () => {
    const render = async (searchParams: Record<string, string>) =>
      renderToStaticMarkup(await SourcePage({ params: Promise.resolve({ id: "list" }), searchParams: Promise.resolve(searchParams) }));
    const [back, index] = hrefs(await render({ back: "city=dakar&rows=none", lang: "zh" }));
    expect(back).toBe("/?city=dakar&rows=none&lang=zh");
    expect(index).toBe("/sources?lang=zh&back=city%3Ddakar%26rows%3Dnone");
    expect(hrefs(await render({})).slice(0, 2)).toEqual(["/", "/sources"]);
  });
});
