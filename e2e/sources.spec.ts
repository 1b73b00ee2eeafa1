import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures";

const sources = JSON.parse(readFileSync("data/sources.json", "utf8")) as { id: string; file: string; title: string }[];
const about = sources.find((s) => s.id === "ichei-about-us")!;
const EVENT = "2016-06-08-ichei-founded";
const QUOTE = "UNESCO-ICHEI was founded in Shenzhen.";

test("a source page shows the document with a quoted passage highlighted, anchored and linked to its event", async ({ page, request }) => {
  // Server-rendered: the highlighted passage is in the HTML before any JavaScript runs.
  const html = await (await request.get(`/sources/${about.id}`)).text();
  expect(html).toContain(`id="q-${EVENT}--2"`);

  await page.goto(`/sources/${about.id}#q-${EVENT}--2`);
  await expect(page.getByRole("heading", { level: 1, name: about.title })).toBeVisible();
  await expect(page.locator(".source-meta")).toContainText("UNESCO-ICHEI");
  const mark = page.locator(`mark#q-${EVENT}--2`);
  await expect(mark).toHaveText(QUOTE);
  await expect(mark).toBeInViewport();
  await expect(page.locator(".source-text mark").first()).toBeVisible();

  await mark.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/\\?event=${EVENT}$`));
  await expect(page.getByTestId("event-detail")).toContainText("UNESCO-ICHEI founded in Shenzhen");
});

test("every document has a page, and an unknown one is a 404", async ({ page, request }) => {
  for (const source of sources) {
    const response = await request.get(`/sources/${source.id}`);
    expect(response.status(), source.id).toBe(200);
    expect(await response.text()).toContain("<mark");
  }
  // Through the request API: a page load of a 404 logs a console error, which the fixture forbids.
  const missing = await request.get("/sources/no-such-document");
  expect(missing.status()).toBe(404);
  expect(await missing.text()).toContain("Page not found");
  await page.goto(`/sources/${about.id}`);
  await page.getByRole("link", { name: "← Back to the dashboard" }).click();
  await expect(page.getByTestId("match-count")).toBeVisible();
});

test("a source page reached from a Chinese view speaks Chinese, and leads back to the Chinese view", async ({ page }) => {
  const id = "2025-09-21-iistem-inaugurated";
  await page.goto(`/?event=${id}&lang=zh`);
  const link = page.getByTestId("event-detail").locator("a.source-link").first();
  expect(await link.getAttribute("href")).toMatch(new RegExp(`^/sources/[a-z0-9-]+\\?lang=zh&back=event%3D${id}#q-`));
  await link.click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
  await expect(page.locator(".kicker")).toHaveText("来源文件");
  // Back to the view it was opened from: the same event, still in Chinese.
  await page.getByRole("link", { name: "← 返回仪表板" }).click();
  await expect(page).toHaveURL(new RegExp(`/\\?event=${id}&lang=zh$`));
  await expect(page.locator("h1").first()).toContainText("中国与联合国教科文组织教育合作");
});
