import type { Page } from "@playwright/test";
import { seriousViolations } from "./axe";
import { expect, test, wake } from "./fixtures";

/*
 * The page opens on still previews of the map and timeline, drawn from the same view, and loads
 * Leaflet and vis-timeline on the reader's first gesture (components/dashboard/useFirstGesture.ts). The
 * previews must show what the live ones will: the same pins on the same pixels, the same rows.
 */
test.use({ wakeOnNavigation: false });

type Centres = Record<string, { x: number; y: number }>;

async function centres(page: Page, selector: string): Promise<Centres> {
  return page.locator(selector).evaluateAll((els) =>
    Object.fromEntries(
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return [el.getAttribute("aria-label"), { x: r.x + r.width / 2, y: r.y + r.height / 2 }];
      }),
    ),
  );
}

async function previewPins(page: Page): Promise<Centres> {
  await expect(page.locator(".map-preview__pin").first()).toBeVisible();
  return centres(page, ".map-preview__pin");
}

async function livePins(page: Page): Promise<Centres> {
  await wake(page);
  await expect(page.getByTestId("map-preview")).toHaveCount(0); // the live map has drawn and taken over
  return centres(page, ".leaflet-marker-icon");
}

const views = [
  ["the home view, China first", "/"],
  ["one place, at a lone place's zoom", "/?city=shanghai"],
  ["a selected event abroad, brought into view", "/?event=2019-07-first-smart-classroom-lahore"],
  ["a viewport from the link", "/?map=30,100,3.5"],
  ["a filtered view in Chinese", "/?category=conference&lang=zh"],
] as const;

for (const viewport of [
  { width: 1400, height: 900 },
  { width: 390, height: 844 },
]) {
  test.describe(`${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });
    for (const [name, url] of views) {
      test(`${name}: the preview's pins are where the live map puts them`, async ({ page }) => {
        await page.goto(url);
        const before = await previewPins(page);
        const after = await livePins(page);
        expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
        for (const [label, at] of Object.entries(before)) {
          expect(Math.abs(after[label].x - at.x), `${label} x`).toBeLessThanOrEqual(1);
          expect(Math.abs(after[label].y - at.y), `${label} y`).toBeLessThanOrEqual(1);
        }
      });
    }
  });
}

test("until a gesture, neither Leaflet nor vis-timeline loads; the previews show the view", async ({ page }) => {
  const scripts: string[] = [];
  page.on("response", async (response) => {
    if (response.request().resourceType() === "script") scripts.push(await response.text());
  });
  await page.goto("/?city=shanghai");
  await expect(page.locator(".map-preview__pin")).toHaveCount(1);
  await expect(page.locator(".map-preview__pin")).toHaveAttribute("aria-label", /^Shanghai — \d+ events$/);
  await expect(page.getByTestId("timeline-preview").locator(".tl-preview__item").first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(await page.locator(".leaflet-container, .vis-timeline").count()).toBe(0);
  expect(scripts.filter((s) => s.includes("leaflet-container") || s.includes("vis-timeline")).length).toBe(0);

  await wake(page);
  await expect(page.locator(".leaflet-marker-icon")).toHaveCount(1);
  await expect(page.locator(".timeline-host .vis-item").first()).toBeVisible();
  await expect(page.getByTestId("timeline-preview")).toHaveCount(0);
});

test("a mouse movement made while the page is still loading its scripts wakes the map: no second one is needed", async ({ page }) => {
  // Hold the page's scripts so that the movement surely comes before React has hydrated.
  let release!: () => void;
  const released = new Promise<void>((done) => (release = done));
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    await released;
    await route.continue();
  });
  await page.goto("/", { waitUntil: "commit" });
  await expect(page.getByTestId("event-list")).toBeVisible(); // the server's HTML is on screen
  expect(await page.locator(".leaflet-container").count(), "still the preview").toBe(0);
  await page.mouse.move(5, 5);
  release();
  await expect(page.locator(".leaflet-container")).toBeAttached();
  await expect(page.locator(".timeline-host .vis-item").first()).toBeVisible();
});

test("the timeline preview has the live timeline's rows, in order, in the same window", async ({ page }) => {
  await page.goto("/");
  const preview = page.getByTestId("timeline-preview");
  const rows = await preview.locator(".tl-preview__label").allTextContents();
  const years = await preview
    .locator(".tl-preview__axis span")
    .evaluateAll((els) => els.map((e) => [e.textContent, e.getBoundingClientRect().x]));
  await wake(page);
  await expect(preview).toHaveCount(0);
  expect(await page.locator(".timeline-host .vis-labelset .vis-label").allTextContents()).toEqual(rows);
  const liveYears = await page
    .locator(".timeline-host .vis-time-axis .vis-text.vis-minor")
    .evaluateAll((els) => Object.fromEntries(els.map((e) => [e.textContent, e.getBoundingClientRect().x])));
  for (const [year, x] of years)
    expect(Math.abs((liveYears[year as string] ?? Infinity) - (x as number)), `year ${year}`).toBeLessThanOrEqual(4);
});

test("a click on a preview pin filters by its place, as on the live map", async ({ page }) => {
  await page.goto("/");
  await previewPins(page);
  await page.locator('.map-preview__pin[aria-label^="Urumqi — "]').click();
  await expect(page).toHaveURL(/[?&]city=urumqi\b/);
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`${colorScheme}: axe finds no serious or critical problem in the previews`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto("/?event=2019-07-first-smart-classroom-lahore");
    await previewPins(page);
    await expect(page.getByTestId("timeline-preview")).toBeVisible();
    const serious = (await seriousViolations(page)).flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.html.slice(0, 120)}`));
    expect(serious).toEqual([]);
    expect(await page.locator(".leaflet-container").count(), "still the preview").toBe(0);
  });
}
