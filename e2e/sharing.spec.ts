import { readFileSync } from "node:fs";
import { parseCsv } from "../lib/export/csv-read";
import { countEvents, events, eventsLabel, expect, listRows, pins, test, timelineCount, viewsReady, wake } from "./fixtures";
import { firstListPage } from "./list-page";

const conferences = events.filter((e) => e.category === "conference");
const beijing = countEvents({ place: "beijing" });
const beijing2025 = countEvents({ place: "beijing", from: "2025", to: "2025" });
const shanghai2023to2025 = countEvents({ place: "shanghai", from: "2023", to: "2025" });

test("choosing a facet value makes URL, map, timeline and list agree", async ({ page }) => {
  await page.goto("/");
  await viewsReady(page);
  await page.getByText("Filter by year, category, place, country, organization").click();
  await page.getByRole("link", { name: `Category Conference — ${conferences.length} events` }).click();
  await expect(page).toHaveURL(/\?category=conference$/);
  await expect(listRows(page)).toHaveCount(firstListPage(conferences.length));
  await expect(page.getByTestId("view-sentence")).toHaveText(`${conferences.length} events, category Conference`);
  const mapped = conferences.filter((e) => e.place).length;
  await expect.poll(async () => (await pins(page)).reduce((sum, p) => sum + p.count, 0)).toBe(mapped);
  await expect.poll(() => timelineCount(page)).toBe(conferences.length);
  // The facet counts follow: a place chip now counts only conferences there.
  const wuhan = countEvents({ place: "wuhan", category: "conference" });
  await expect(page.getByRole("link", { name: `Place Wuhan — ${eventsLabel(wuhan)}`, exact: true })).toBeVisible();
  await page.goBack();
  await expect(listRows(page)).toHaveCount(firstListPage(events.length));
});

test("a year quick-pick sets the time window and the sentence reads it", async ({ page }) => {
  await page.goto("/?city=beijing");
  await page.getByText("Filter by year, category, place, country, organization").click();
  await page.getByRole("link", { name: `2025 — ${eventsLabel(beijing2025)}`, exact: true }).click();
  await expect.poll(() => Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ city: "beijing", from: "2025", to: "2025" });
  await expect(page.getByTestId("view-sentence")).toHaveText(`${eventsLabel(beijing2025)} in Beijing, 2025`);
});

test("searching 上海 finds the Shanghai events, with one history entry once typing pauses, not one per keystroke", async ({ page }) => {
  await page.goto("/");
  const before = await page.evaluate(() => history.length);
  await page.getByRole("searchbox", { name: "Search events" }).pressSequentially("上海", { delay: 50 });
  await expect(page).toHaveURL(/q=%E4%B8%8A%E6%B5%B7/);
  // The URL changes at once; the list follows when the server's view for it arrives.
  await expect(page.getByTestId("view-sentence")).toContainText("matching “上海”");
  const shown = await listRows(page).evaluateAll((rows) => rows.map((r) => r.getAttribute("data-event-id")));
  for (const e of events.filter((e) => e.place === "shanghai")) expect(shown).toContain(e.id);
  expect(shown.length, "search narrows the list").toBeLessThan(events.length);
  expect(await page.evaluate(() => history.length)).toBe(before + 1);
  await page.goBack();
  await expect(page.getByTestId("match-count")).toHaveText(`All ${events.length} events`);
});

for (const [q, expected] of [
  ["Azoulay", "2025-09-21-iistem-inaugurated"],
  ["STEM", "2025-09-21-iistem-inaugurated"],
  ["shanghai", "2023-07-02-chen-jining-meets-giannini"],
] as const) {
  test(`searching “${q}” finds what a reader expects`, async ({ page }) => {
    await page.goto(`/?q=${encodeURIComponent(q)}`);
    await expect(page.locator(`[data-testid=event-list] li[data-event-id="${expected}"]`)).toBeVisible();
  });
}

test("Copy link copies the view, and the link opens the same view in a fresh page", async ({ page, browser, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/?city=shanghai&from=2023&to=2025");
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByRole("button", { name: "Link copied ✓" })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(page.url());

  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(copied);
  await wake(fresh);
  for (const p of [page, fresh]) {
    await expect(p.getByTestId("match-count")).toHaveText(`${shanghai2023to2025} of ${events.length} events`);
    await expect(p.getByTestId("view-sentence")).toHaveText(`${eventsLabel(shanghai2023to2025)} in Shanghai, 2023–2025`);
  }
});

test("the page title and link preview describe the view, with a generated image", async ({ page, request }) => {
  await page.goto("/?city=shanghai&from=2023&to=2025");
  // The tab leads with the count (a narrow tab shows the start); the preview leads with the filters.
  await expect(page).toHaveTitle(new RegExp(`^${shanghai2023to2025} of ${events.length} events — Shanghai · 2023–2025 — `));
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute(
    "content",
    `Shanghai · 2023–2025 · ${eventsLabel(shanghai2023to2025)}`,
  );
  const image = await page.locator('meta[property="og:image"]').getAttribute("content");
  const imageUrl = new URL(image!);
  expect(imageUrl.pathname).toBe("/og");
  expect(Object.fromEntries(imageUrl.searchParams)).toEqual({ city: "shanghai", from: "2023", to: "2025" });
  const response = await request.get(new URL(image!).pathname + new URL(image!).search);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/png");
  expect((await response.body()).length).toBeGreaterThan(5000);
});

test("each export downloads the current view, its contents matching the view's count", async ({ page }) => {
  await page.goto("/?city=beijing");
  await expect(listRows(page)).toHaveCount(beijing);
  const download = async (format: string) => {
    const [file] = await Promise.all([page.waitForEvent("download"), page.locator(`a.export[data-format=${format}]`).click()]);
    return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, "utf8") };
  };

  const json = await download("json");
  expect(json.name).toBe("china-unesco-education-events-city-beijing.json");
  expect(JSON.parse(json.text)).toMatchObject({ total: events.length, matched: beijing });

  const geojson = await download("geojson");
  expect(geojson.name).toBe("china-unesco-education-events-city-beijing.geojson");
  const collection = JSON.parse(geojson.text);
  expect(collection.type).toBe("FeatureCollection");
  expect(collection.features).toHaveLength(beijing);
  expect(collection.features[0].geometry.coordinates[0]).toBeCloseTo(116.4, 0); // [lon, lat]

  const csv = await download("csv");
  expect(csv.name).toBe("china-unesco-education-events-city-beijing.csv");
  const rows = parseCsv(csv.text.replace(/^\uFEFF/, ""));
  expect(rows[0][0]).toBe("id");
  expect(rows).toHaveLength(1 + beijing);
  // In people's words beside the ids, with links that work outside the site.
  const cell = (name: string) => rows[1][rows[0].indexOf(name)];
  expect([cell("place_id"), cell("place_name"), cell("country"), cell("country_name")]).toEqual(["beijing", "Beijing", "cn", "China"]);
  expect(cell("url")).toBe(`${new URL(page.url()).origin}/?event=${cell("id")}`);
  expect(cell("source_urls")).toMatch(new RegExp(`^${new URL(page.url()).origin}/sources/[^ ]+#q-${cell("id")}--1`));

  const ics = await download("ics");
  expect(ics.name).toBe("china-unesco-education-events-city-beijing.ics");
  expect(ics.text.match(/^BEGIN:VEVENT\r$/gm)).toHaveLength(beijing);
});
