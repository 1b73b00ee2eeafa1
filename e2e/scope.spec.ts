import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { seriousViolations } from "./axe";
import { expect, sources, test } from "./fixtures";

/*
 * Issue 20, items 1 and 4 (part): every view says what the data covers and leads to /sources, and
 * the pages about the data lead back to the exact view they were opened from.
 */

// What the pages must say, counted here from the data files themselves.
const records = JSON.parse(readFileSync("data/events.json", "utf8")) as { sources: { document: string }[] }[];
const citing = new Map<string, number>();
for (const event of records)
  for (const file of new Set(event.sources.map((s) => s.document))) citing.set(file, (citing.get(file) ?? 0) + 1);
const [largestFile, largestCount] = [...citing].sort((a, b) => b[1] - a[1])[0];
const largest = sources.find((s) => s.file === largestFile)!;

const params = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams);
const back = (page: Page) => page.getByRole("link", { name: "← Back to the dashboard" });

test("every view says what the data covers; /sources lists each document with the events resting on it, and leads back to the view", async ({
  page,
}) => {
  const view = "/?from=2023&to=2025&city=shanghai&rows=organization";
  await page.goto(view);
  const coverage = page.getByTestId("coverage");
  await expect(coverage).toContainText(`${records.length} events from ${citing.size} documents`);
  await expect(coverage).toContainText(`${largestCount} of them from “${largest.title}”`);

  await coverage.getByRole("link", { name: "about this data" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "About this data" })).toBeVisible();
  await expect(page.getByTestId("sources-scope")).toContainText(`${records.length} events dated`);
  const entries = page.getByTestId("source-document");
  await expect(entries).toHaveCount(sources.length);
  for (const source of sources) {
    const entry = entries.filter({ has: page.getByRole("heading", { name: source.title, exact: true }) });
    await expect(entry.getByTestId("source-events")).toHaveText(String(citing.get(source.file) ?? 0));
  }

  await back(page).click();
  await expect(page.getByTestId("match-count")).toBeVisible();
  expect(params(page)).toEqual({ from: "2023", to: "2025", city: "shanghai", rows: "organization" });
});

test("a passage opened from an event leads back to that view, the map's panned viewport included, even by way of /sources", async ({
  page,
}) => {
  const id = "2025-09-21-iistem-inaugurated";
  await page.goto(`/?from=2023&to=2025&city=shanghai&event=${id}`);
  // A pan writes the viewport to the URL without asking the server: the links must still carry it.
  const map = (await page.locator(".map-panel .leaflet-container").boundingBox())!;
  await page.mouse.move(map.x + map.width * 0.25, map.y + map.height * 0.35);
  await page.mouse.down();
  await page.mouse.move(map.x + map.width * 0.6, map.y + map.height * 0.35, { steps: 8 });
  await page.mouse.up();
  await expect.poll(() => params(page).map ?? "").toMatch(/^-?\d/);
  const view = params(page);

  await page.getByTestId("event-detail").locator("a.source-link").first().click();
  await expect(page.locator(".source-text mark").first()).toBeVisible();
  await page.getByRole("link", { name: "All source documents" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "About this data" })).toBeVisible();
  await back(page).click();
  await expect(page.getByTestId("event-detail")).toBeVisible();
  expect(params(page)).toEqual(view);
});

test("in Chinese, /sources speaks Chinese and leads back to the Chinese dashboard", async ({ page }) => {
  await page.goto("/sources?lang=zh");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
  await expect(page.getByRole("heading", { level: 1, name: "关于本数据" })).toBeVisible();
  await expect(page.getByTestId("source-document")).toHaveCount(sources.length);
  await page.getByRole("link", { name: "← 返回仪表板" }).click();
  await expect(page.getByTestId("match-count")).toBeVisible();
  expect(params(page)).toEqual({ lang: "zh" });
});

test("a `back` parameter is read as a dashboard view: it never leads off the site", async ({ page }) => {
  await page.goto(`/sources?back=${encodeURIComponent("//evil.example/x")}`);
  await expect(back(page)).toHaveAttribute("href", "/");
  await page.goto(`/sources/${largest.id}?back=${encodeURIComponent("city=atlantis,shanghai&next=https://evil.example")}`);
  await expect(back(page)).toHaveAttribute("href", "/?city=shanghai");
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`/sources has no serious or critical axe violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto("/sources");
    await expect(page.getByTestId("source-document").first()).toBeVisible();
    expect((await seriousViolations(page)).map((v) => v.id)).toEqual([]);
  });
}
