import { events, expect, listRows, test, viewsReady } from "./fixtures";
import { firstListPage } from "./list-page";

const zhTitles = events as ((typeof events)[number] & { titleZh?: string; titleZhSource?: string })[];
const shanghai = zhTitles.filter((e) => e.place === "shanghai");

test("a shared ?lang=zh&city=shanghai link opens in Chinese: <html lang>, headings, titles in the list and on the timeline", async ({
  page,
}) => {
  await page.goto("/?lang=zh&city=shanghai");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("中国与联合国教科文组织教育合作（2014–2025）");
  await expect(page.getByTestId("match-count")).toHaveText(`${events.length} 个事件中的 ${shanghai.length} 个`);
  await expect(page.getByTestId("view-sentence")).toHaveText(`${shanghai.length} 个事件，地点：上海`);
  await expect(page.locator(".active-filters")).toContainText("地点：上海");
  await expect(listRows(page)).toHaveCount(firstListPage(shanghai.length));
  const listTitles = await page.getByTestId("event-list").locator(".title").allTextContents();
  expect(listTitles.sort()).toEqual(shanghai.map((e) => e.titleZh).sort());
  await expect(page.getByTestId("event-list").locator("time").first()).toHaveText(/^\d{4}年(\d{1,2}月(\d{1,2}日)?)?/);
  await viewsReady(page);
  const itemTitles = await page.locator(".timeline-host .tl-item-title").allTextContents();
  expect(itemTitles.length).toBeGreaterThan(0);
  for (const title of itemTitles) expect(shanghai.map((e) => e.titleZh)).toContain(title);
  await expect(page.locator(".leaflet-marker-icon[aria-label^='上海 — ']")).toHaveCount(1);
  await expect(page.getByRole("region", { name: "地图图例" })).toContainText("实线 = 来源写明地点");
});

test("the language switch opens the same view in the other language, and back", async ({ page }) => {
  const id = "2025-09-21-iistem-inaugurated";
  await page.goto(`/?city=shanghai&from=2025&event=${id}`);
  await viewsReady(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByTestId("event-detail").locator("h2")).toHaveText(events.find((e) => e.id === id)!.title);

  await page.getByTestId("language-switch").click();
  await expect(page).toHaveURL(/lang=zh/);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
  const url = new URL(page.url());
  expect([url.searchParams.get("city"), url.searchParams.get("from"), url.searchParams.get("event")]).toEqual(["shanghai", "2025", id]);
  const detail = page.getByTestId("event-detail");
  await expect(detail.locator("h2")).toHaveText("联合国教科文组织国际STEM教育研究所在沪成立");
  await expect(detail.getByTestId("title-zh-source")).toHaveText("中文标题出自来源文件");
  await expect(detail).toContainText("2025年9月21日");
  await expect(detail.locator("dt").first()).toHaveText("日期");
  await expect(page.getByRole("button", { name: "复制链接" })).toBeVisible();
  await expect(page.locator(".export[data-format=ics]")).toHaveText("日历");
  await expect(page.locator(".export[data-format=csv]")).toHaveAttribute("href", /lang=zh/);

  await page.getByTestId("language-switch").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page).not.toHaveURL(/lang=/);
  await expect(page.getByTestId("event-detail").locator("h2")).toHaveText(events.find((e) => e.id === id)!.title);
});

test("the switch is a plain link that works before JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/?city=shanghai");
  await page.getByTestId("language-switch").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
  await expect(page.getByTestId("event-list").locator(".title").first()).toHaveText(/[\u4e00-\u9fff]/);
  await context.close();
});

test("a Chinese preview image draws the characters, not the “…” fallback", async ({ request }) => {
  const png = async (q: string) => {
    const response = await request.get(`/og?q=${encodeURIComponent(q)}&lang=zh`);
    expect(response.headers()["content-type"]).toBe("image/png");
    return response.body();
  };
  // Neither character matches an event: the two images differ only if the character is drawn.
  const [whale, crane] = await Promise.all([png("鲸"), png("鹤")]);
  expect(whale.equals(crane)).toBe(false);
});

test("the API answers in Chinese where it has text", async ({ request }) => {
  const ics = await (await request.get("/api/events?city=shanghai&format=ics&lang=zh")).text();
  expect(ics).toContain("SUMMARY:第二届世界中国学大会在沪举办");
  const json = await (await request.get("/api/events?city=shanghai&lang=zh")).json();
  expect(json.matched).toBe(shanghai.length);
  expect(Object.keys(json.events[0])).toContain("titleZh");
});
