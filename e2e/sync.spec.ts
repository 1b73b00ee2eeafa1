import {
  countEvents,
  events,
  eventsLabel,
  expect,
  listRows,
  matchingEvents,
  pinLabel,
  pinLabels,
  pins,
  sources,
  test,
  timelineCount,
  viewsReady,
  wake,
} from "./fixtures";
import { firstListPage } from "./list-page";

// Counts come from data/, so a maintainer adding an event (as the README says) breaks no test.
// The drag ends on a window of about the 2016 calendar year (no event sits near its edges).
const in2016 = { from: "2016", to: "2016" };
const urumqiEvents = matchingEvents({ place: "urumqi" }).map((e) => e.id);
const shanghaiFrom2023 = countEvents({ place: "shanghai", from: "2023" });

test("dragging the timeline to a 2016 window leaves only 2016's pins, live, then puts from/to in the URL", async ({ page }) => {
  await page.goto("/?from=2015-07-01&to=2016-06-30");
  await viewsReady(page);
  const historyBefore = await page.evaluate(() => history.length);
  const serverRequests: string[] = [];
  page.on("request", (r) => (r.resourceType() === "document" || r.url().includes("_rsc=")) && serverRequests.push(r.url()));
  const panel = (await page.locator(".timeline-host .vis-panel.vis-center").boundingBox())!;
  const y = panel.y + 12;
  // Drag the axis leftwards by half the panel: the one-year window moves six months later.
  await page.mouse.move(panel.x + panel.width * 0.75, y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(panel.x + panel.width * (0.75 - 0.05 * i), y);
  // Live: the map follows the gesture before it ends, while the URL waits for the end.
  await expect.poll(async () => (await pins(page)).map((p) => p.label).sort()).toEqual(pinLabels(in2016));
  expect(new URL(page.url()).searchParams.get("from")).toBe("2015-07-01");
  await expect(page.getByTestId("view-sentence")).toHaveText(
    // A one-year window is read in whole months: half the panel is six of them.
    `${eventsLabel(countEvents(in2016))}, Jan–Dec 2016`,
  );
  // The drag itself never asks the server: the browser filtered the compact scrub index.
  expect(serverRequests).toEqual([]);
  await page.mouse.up();

  await expect.poll(() => new URL(page.url()).searchParams.get("from")).toBe("2016-01");
  expect(new URL(page.url()).searchParams.get("to")).toBe("2016-12");
  await expect(listRows(page)).toHaveCount(countEvents(in2016));
  await expect(page.getByTestId("match-count")).toHaveText(`${countEvents(in2016)} of ${events.length} events`);
  // Scrubbing replaces the URL: no history entry per frame, nor for the gesture; the server is asked
  // once, when the drag ends, for the view of the new window.
  expect(await page.evaluate(() => history.length)).toBe(historyBefore);
  expect(serverRequests).toHaveLength(1);
});

test("clicking the Urumqi pin filters list and timeline to its events; Back restores the view", async ({ page }) => {
  await page.goto("/");
  await viewsReady(page);
  await page.getByRole("button", { name: pinLabel("urumqi") }).click();
  await expect(page).toHaveURL(/\?city=urumqi$/);
  await expect(listRows(page)).toHaveCount(urumqiEvents.length);
  await expect.poll(() => timelineCount(page)).toBe(urumqiEvents.length);
  const drawn = page.locator(".timeline-host [data-event-id]");
  await expect
    .poll(async () => new Set(await drawn.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.eventId))))
    .toEqual(new Set(urumqiEvents));

  await page.goBack();
  await expect(page).toHaveURL(/\/$/);
  await expect(listRows(page)).toHaveCount(firstListPage(events.length));
  await expect(page.getByTestId("match-count")).toHaveText(`All ${events.length} events`);
});

test("opening /?event=<id> opens its detail and highlights it in the list, on the timeline and on the map", async ({ page }) => {
  const id = "2025-09-21-iistem-inaugurated";
  await page.goto(`/?event=${id}`);
  const detail = page.getByTestId("event-detail");
  await expect(detail.getByRole("heading", { name: "UNESCO International Institute for STEM Education inaugurated" })).toBeVisible();
  await expect(detail).toContainText("联合国教科文组织国际STEM教育研究所在沪成立");
  await expect(detail).toContainText("21 Sep 2025");
  await expect(detail).toContainText("stated in the source");
  // Each quote names its document by title and links to the highlighted passage.
  for (const file of ["000_b6d57a19680c56b2.txt", "001_5476e3b8109725da.txt"]) {
    await expect(detail.getByRole("link", { name: sources.find((s) => s.file === file)!.title }).first()).toBeVisible();
  }
  await expect(page.locator(`li.selected[data-event-id="${id}"]`)).toBeVisible();
  await viewsReady(page);
  await expect(page.locator(`.timeline-host .vis-item.vis-selected [data-event-id="${id}"]`)).toBeVisible();
  await expect(page.locator(".leaflet-marker-icon.is-selected").first()).toBeVisible();

  await page.keyboard.press("Escape");
  await expect(page.getByTestId("event-detail")).toHaveCount(0);
  await expect(page).toHaveURL(/\/$/);
  await page.goBack();
  await page.getByRole("link", { name: "Close event details" }).click();
  await expect(page.getByTestId("event-detail")).toHaveCount(0);
});

test("selecting an event on the timeline opens its detail and pushes a history entry", async ({ page }) => {
  await page.goto("/?city=urumqi");
  await viewsReady(page);
  await page.locator(`.timeline-host [data-event-id="${urumqiEvents[0]}"]`).click();
  await expect(page).toHaveURL(new RegExp(`event=${urumqiEvents[0]}`));
  await expect(page.getByTestId("event-detail")).toContainText("Urumqi");
  await page.goBack();
  await expect(page.getByTestId("event-detail")).toHaveCount(0);
});

test("a shared URL opens with the same counts on list, map and timeline", async ({ browser, page }) => {
  const url = "/?city=shanghai&from=2023";
  await page.goto(url);
  await viewsReady(page);
  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(url);
  await wake(fresh);
  await viewsReady(fresh);
  for (const p of [page, fresh]) {
    await expect(listRows(p)).toHaveCount(firstListPage(shanghaiFrom2023));
    await expect(p.getByTestId("match-count")).toHaveText(`${shanghaiFrom2023} of ${events.length} events`);
    await expect.poll(async () => (await pins(p)).map((pin) => pin.label)).toEqual([pinLabel("shanghai", { from: "2023" })]);
    await expect.poll(() => timelineCount(p)).toBe(shanghaiFrom2023);
  }
});

test("keyboard: Tab to a pin and press Enter filters to that place", async ({ page }) => {
  await page.goto("/");
  await viewsReady(page);
  await page.locator(".leaflet-container").focus();
  let label: string | null = null;
  for (let i = 0; i < 20 && !label?.match(/^[A-Z][a-z]+ — \d+ events?$/); i++) {
    await page.keyboard.press("Tab");
    label = await page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? null);
  }
  expect(label).toMatch(/^[A-Z][a-z]+ — \d+ events?$/);
  const [, place, count] = /^(\w+) — (\d+)/.exec(label!)!;
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`city=${place.toLowerCase()}`));
  await expect(listRows(page)).toHaveCount(Number(count));
});

test("an empty result says so and offers to clear the filters", async ({ page }) => {
  // A category with no event in Urumqi, whatever the data holds.
  const category = events.map((e) => e.category).find((c) => countEvents({ place: "urumqi", category: c }) === 0)!;
  await page.goto(`/?city=urumqi&category=${category}`);
  await expect(page.getByTestId("empty-state")).toContainText("No events match");
  await page.getByTestId("empty-state").getByRole("link", { name: "Clear filters" }).click();
  await expect(listRows(page)).toHaveCount(firstListPage(events.length));
});

test("the layout is stable at phone width, and the map and timeline are usable", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  await viewsReady(page);
  const map = (await page.locator(".map-panel").boundingBox())!;
  const timeline = (await page.locator(".timeline-panel").boundingBox())!;
  expect(map.width).toBeLessThanOrEqual(390);
  // Big enough to use, small enough to leave the page most of the screen (issue 8; see selection.spec.ts).
  expect(map.height).toBeGreaterThanOrEqual(200);
  expect(timeline.y).toBeGreaterThanOrEqual(map.y + map.height);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test("a quote in the event detail opens its highlighted passage in the source document", async ({ page }) => {
  const id = "2025-09-21-iistem-inaugurated";
  await page.goto(`/?event=${id}`);
  const link = page.getByTestId("event-detail").locator("a.source-link").first();
  const href = (await link.getAttribute("href"))!;
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/sources/[a-z0-9-]+#${href.split("#")[1]}$`));
  const mark = page.locator(`[id="${href.split("#")[1]}"]`);
  await expect(mark).toBeVisible();
  expect(await mark.evaluate((el) => el.tagName)).toBe("MARK");
});
