import type { Locator, Page } from "@playwright/test";
import { countEvents, events, eventsLabel, expect, listRows, test } from "./fixtures";
import { firstListPage } from "./list-page";

// Issue 8, flaw 8: the page says what it did — a title that follows the view, a search that Back
// undoes in one step, link values it ignored or corrected named on the page, and a search that
// forgives typos and separators and offers a suggestion when it finds nothing.

const SITE = "China–UNESCO education cooperation";
const SHOTS = "/tmp/shots-search";
const conferences = events.filter((e) => e.category === "conference").length;
const shanghai = countEvents({ place: "shanghai" });

/** The element's box lies inside the viewport: a person can see it without scrolling sideways. */
async function expectInViewport(page: Page, locator: Locator) {
  await locator.scrollIntoViewIfNeeded();
  const box = (await locator.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
}

async function chooseFacet(page: Page, href: string) {
  await page.locator("details.facets > summary").click();
  await page.locator(`details.facets a[href="${href}"]`).first().click();
}

const searchBox = (page: Page) => page.getByRole("searchbox", { name: "Search events" });
/** The notice under the summary: a status, so assistive tech reads it as one. */
const notice = (page: Page) => page.locator('[role="status"][data-testid="url-notice"]');

test.describe("desktop 1400×900", () => {
  test("the tab title follows the view: a chosen filter and a typed search change it", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveTitle(`${events.length} events — ${SITE}`);
    await chooseFacet(page, "?category=conference");
    await expect(page).toHaveTitle(`${conferences} of ${events.length} events — Conference — ${SITE}`);
    await searchBox(page).pressSequentially("shanghai", { delay: 40 });
    await expect(page).toHaveURL(/q=shanghai/);
    await expect(page.getByTestId("view-sentence")).toContainText("“shanghai”");
    const n = await listRows(page).count();
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(conferences);
    await expect(page).toHaveTitle(`${n} of ${events.length} events — Conference · “shanghai” — ${SITE}`);
    await page.screenshot({ path: `${SHOTS}/title-search-desktop.png` });
  });

  test("a typed search is one history entry, even with pauses: Back removes it and keeps the chip", async ({ page }) => {
    await page.goto("/");
    await chooseFacet(page, "?category=conference");
    await expect(page).toHaveURL(/\?category=conference$/);
    const chip = page
      .getByRole("navigation", { name: "Active filters" })
      .getByRole("link", { name: /conference/i })
      .first();
    await expect(chip).toBeVisible();
    const before = await page.evaluate(() => history.length);
    // Typing with a pause longer than the box waits: the search reaches the URL twice, as one entry.
    await searchBox(page).pressSequentially("bei", { delay: 40 });
    await expect(page).toHaveURL(/q=bei$/);
    await searchBox(page).pressSequentially("jing", { delay: 40 });
    await expect(page).toHaveURL(/category=conference&q=beijing$/);
    await expect(page.getByTestId("view-sentence")).toContainText("“beijing”");
    expect(await page.evaluate(() => history.length)).toBe(before + 1);

    await page.goBack();
    await expect(page).toHaveURL(/\?category=conference$/);
    await expect(searchBox(page)).toHaveValue("");
    await expect(chip).toBeVisible();
    await expect(listRows(page)).toHaveCount(firstListPage(conferences));

    await page.goBack();
    await expect(page).toHaveURL(/\/$/);
    await expect(chip).toBeHidden();
    await expect(listRows(page)).toHaveCount(firstListPage(events.length));
  });

  test("an unknown place in the link is named, and the corrected link drops it", async ({ page }) => {
    await page.goto("/?city=atlantis");
    const box = notice(page);
    await expect(box).toHaveText(/Ignored: city=atlantis \(unknown place\)/);
    await expectInViewport(page, box);
    await expect(page.getByTestId("match-count")).toHaveText(`All ${events.length} events`);
    await page.screenshot({ path: `${SHOTS}/notice-atlantis-desktop.png` });
    await box.getByRole("link", { name: "Open the corrected link" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId("url-notice")).toHaveCount(0);
  });

  test("a click after an unknown place in the link drops it, and its notice with it", async ({ page }) => {
    await page.goto("/?city=atlantis");
    await expect(notice(page)).toHaveText(/Ignored: city=atlantis/);
    await chooseFacet(page, "?category=conference");
    await expect(page).toHaveURL(/\/\?category=conference$/);
    await expect(page.getByTestId("match-count")).toHaveText(`${conferences} of ${events.length} events`);
    await expect(page.getByTestId("url-notice")).toHaveCount(0);
  });

  test("a window written end first is swapped, and the page says so and shows 2016–2024", async ({ page }) => {
    await page.goto("/?from=2024&to=2016");
    await expect(notice(page)).toContainText("from and to were swapped: showing 2016–2024");
    const n = countEvents({ from: "2016", to: "2024" });
    await expect(page.getByTestId("match-count")).toHaveText(`${n} of ${events.length} events`);
    await expect(page.getByTestId("view-sentence")).toHaveText(`${eventsLabel(n)}, 2016–2024`);
    await expect(notice(page).getByRole("link", { name: "Open the corrected link" })).toHaveAttribute("href", "?from=2016&to=2024");
  });

  test("a window after the last event says why nothing matches, and the list offers to clear filters", async ({ page }) => {
    await page.goto("/?from=2030");
    await expect(notice(page)).toContainText(/from=2030 is after the last event \(.*2025\), so nothing can match/);
    const empty = page.getByTestId("empty-state");
    await expect(empty).toContainText("No events match");
    await expect(empty.getByRole("link", { name: "Clear filters" })).toBeVisible();
    await notice(page).getByRole("link", { name: "Show all dates" }).click();
    await expect(page.getByTestId("match-count")).toHaveText(`All ${events.length} events`);
  });

  test("the notice speaks Chinese in the Chinese interface", async ({ page }) => {
    await page.goto("/?city=atlantis&lang=zh");
    await expect(notice(page)).toContainText("已忽略：city=atlantis（未知地点）");
    await expect(notice(page).getByRole("link", { name: "打开更正后的链接" })).toHaveAttribute("href", "?lang=zh");
  });

  test("search forgives a typo and separators, and Chinese searches still work", async ({ page }) => {
    const count = async (q: string) => {
      await page.goto(`/?q=${encodeURIComponent(q)}`);
      return Number(/^(\d+) of/.exec((await page.getByTestId("match-count").textContent())!)?.[1]);
    };
    const hyphenated = await count("UNESCO-ICHEI");
    expect(hyphenated).toBeGreaterThan(0);
    expect(await count("unesco ichei")).toBe(hyphenated);
    expect(await count("Shanghai")).toBeGreaterThanOrEqual(shanghai);
    await page.goto("/?q=Shangai");
    const shown = await listRows(page).evaluateAll((rows) => rows.map((r) => r.getAttribute("data-event-id")));
    for (const e of events.filter((e) => e.place === "shanghai")) expect(shown).toContain(e.id);
    expect(await count("上海")).toBeGreaterThanOrEqual(shanghai);
  });

  test("a search that finds nothing says so and offers the close wording as a link", async ({ page }) => {
    await page.goto("/?q=Shanghia");
    const empty = page.getByTestId("empty-state");
    await expect(empty).toContainText("No events match");
    const suggestion = empty.getByRole("link", { name: "Shanghai", exact: true });
    await expect(empty).toContainText("Did you mean Shanghai?");
    await expectInViewport(page, suggestion);
    await page.screenshot({ path: `${SHOTS}/suggestion-desktop.png` });
    await suggestion.click();
    await expect(page).toHaveURL(/q=Shanghai$/);
    await expect(listRows(page).first()).toBeVisible();
    expect(await listRows(page).count()).toBeGreaterThanOrEqual(shanghai);
  });
});

test.describe("phone 390×844", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test("the notice fits the screen and the suggestion can be tapped", async ({ page }) => {
    await page.goto("/?city=atlantis&q=Shanghia");
    const box = notice(page);
    await expect(box).toContainText("Ignored: city=atlantis (unknown place)");
    await expectInViewport(page, box);
    await page.screenshot({ path: `${SHOTS}/notice-phone.png` });
    const suggestion = page.getByTestId("empty-state").getByRole("link", { name: "Shanghai", exact: true });
    await expectInViewport(page, suggestion);
    await page.screenshot({ path: `${SHOTS}/suggestion-phone.png` });
    await suggestion.tap();
    await expect(page).toHaveURL(/q=Shanghai/);
    await expect(page).toHaveTitle(new RegExp(`^\\d+ of ${events.length} events — .*“Shanghai”`));
  });

  test("a search typed on the phone is undone by one Back", async ({ page }) => {
    await page.goto("/");
    await searchBox(page).tap();
    await searchBox(page).pressSequentially("Shangai", { delay: 60 });
    await expect(page).toHaveURL(/q=Shangai$/);
    await expect(page.getByTestId("view-sentence")).toContainText("“Shangai”");
    await expect(page).toHaveTitle(new RegExp(`^\\d+ of ${events.length} events — “Shangai” — `));
    await page.goBack();
    await expect(page).toHaveTitle(`${events.length} events — ${SITE}`);
    await expect(searchBox(page)).toHaveValue("");
  });
});
