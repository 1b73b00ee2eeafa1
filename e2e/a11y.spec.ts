import type { Page } from "@playwright/test";
import { seriousViolations as axeViolations } from "./axe";
import { countEvents, events, expect, listRows, test } from "./fixtures";

/*
 * Issue 8, flaw 7 (page part): keyboard and screen readers. axe finds no serious or critical
 * violation in any view people open, in light and dark; a skip link reaches the list in two key
 * presses; the summary is announced once per committed change, not per drag frame.
 */

const PANELS = ".map-panel, .timeline-panel";

/** Map pins and some timeline items drawn (the first item may be scrolled out of an event's view). */
async function panelsDrawn(page: Page) {
  await expect(page.locator(".leaflet-marker-icon").first()).toBeVisible();
  await expect(page.locator(".timeline-host .vis-item").filter({ visible: true }).first()).toBeVisible();
}

/** Serious and critical violations as "rule: node", split by whether the node is in the map or timeline panel. */
async function seriousViolations(page: Page) {
  const found = (await axeViolations(page)).flatMap((v) =>
    v.nodes.map((n) => ({ rule: v.id, target: String(n.target.at(-1)), html: n.html.slice(0, 120) })),
  );
  const inPanel = await Promise.all(
    found.map(({ target }) =>
      page.evaluate(([selector, panels]) => Boolean(document.querySelector(selector)?.closest(panels)), [target, PANELS] as const),
    ),
  );
  const line = (v: (typeof found)[number]) => `${v.rule}: ${v.target} ${v.html}`;
  return { page: found.filter((_, i) => !inPanel[i]).map(line), panels: found.filter((_, i) => inPanel[i]).map(line) };
}

const phone = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
const views = [
  { name: "the default view", url: "/" },
  { name: "a filtered view", url: "/?city=shanghai" },
  { name: "an open event", url: "/?event=2025-09-21-iistem-inaugurated" },
  { name: "the open filter panel in a filtered view", url: "/?city=shanghai&category=conference", openFilters: true },
  { name: "the phone view", url: "/", use: phone },
  { name: "an open event on a phone (bottom sheet)", url: "/?event=2025-09-21-iistem-inaugurated", use: phone },
  { name: "the open filter panel on a phone", url: "/?city=shanghai", openFilters: true, use: phone },
];

for (const colorScheme of ["light", "dark"] as const) {
  for (const view of views) {
    test.describe(`${colorScheme}: ${view.name}`, () => {
      if (view.use) test.use(view.use);
      test("has no serious or critical axe violations", async ({ page }) => {
        await page.emulateMedia({ colorScheme });
        await page.goto(view.url);
        await panelsDrawn(page);
        if (view.openFilters) {
          await page.locator(".facets > summary").click();
          await expect(page.locator(".facets .chip").first()).toBeVisible();
        }
        const found = await seriousViolations(page);
        expect(found.page, "violations outside the map and timeline").toEqual([]);
        // Inside the map and timeline panels: their own helpers' branches of issue 8 fix these. On the
        // "select" branch alone this fails with scrollable-region-focusable (.vis-left) and
        // label-content-name-mismatch (.tl-item-body) in the timeline; the merged result must pass.
        expect(found.panels, "violations inside the map and timeline panels").toEqual([]);
      });
    });
  }
}

test("dark mode darkens the page, list and detail, not only the colours axe sees", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/?event=2025-09-21-iistem-inaugurated");
  const luminance = (selector: string, property: "color" | "backgroundColor") =>
    page
      .locator(selector)
      .first()
      .evaluate((el, p) => {
        const [r, g, b] = getComputedStyle(el)[p].match(/\d+/g)!.map(Number);
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
      }, property);
  for (const selector of ["body", ".sidebar", ".detail", ".masthead"]) {
    expect(await luminance(selector, "backgroundColor"), `${selector} background`).toBeLessThan(0.15);
  }
  expect(await luminance(".event-list .title", "color")).toBeGreaterThan(0.8);
});

test("the first Tab shows a skip link; Enter, then Tab reaches the first event in the list", async ({ page }) => {
  await page.goto("/");
  await panelsDrawn(page);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to events list" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport({ ratio: 1 });
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await expect(listRows(page).first().getByRole("link")).toBeFocused();
  // The skip link leaves the shareable URL alone.
  expect(new URL(page.url()).hash).toBe("");
});

test("the second Tab offers a skip to the timeline; Enter puts focus on its first event", async ({ page }) => {
  await page.goto("/");
  await panelsDrawn(page);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to timeline" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport({ ratio: 1 });
  await page.keyboard.press("Enter");
  await expect(page.locator(".timeline-host .tl-item-body:focus")).toHaveCount(1);
  expect(new URL(page.url()).hash).toBe("");
});

test("dragging the timeline changes the visible summary live but announces the view once, when the drag is committed", async ({ page }) => {
  await page.goto("/?from=2015-07-01&to=2016-06-30");
  await panelsDrawn(page);
  const status = page.getByTestId("view-status");
  await expect(status).toContainText(`${countEvents({ from: "2015-07-01", to: "2016-06-30" })} of ${events.length} events`);
  await status.evaluate((el) => {
    const said: string[] = ((window as unknown as { said: string[] }).said = []);
    new MutationObserver(() => said.at(-1) !== el.textContent && said.push(el.textContent ?? "")).observe(el, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
  const said = () => page.evaluate(() => (window as unknown as { said: string[] }).said);
  const sentence = page.getByTestId("view-sentence");
  const before = await sentence.textContent();

  const panel = (await page.locator(".timeline-host .vis-panel.vis-center").boundingBox())!;
  const y = panel.y + 12;
  await page.mouse.move(panel.x + panel.width * 0.75, y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(panel.x + panel.width * (0.75 - 0.05 * i), y);
  await expect(sentence).not.toHaveText(before!);
  expect(await said(), "nothing announced during the drag").toEqual([]);
  await page.mouse.up();

  await expect.poll(said).toHaveLength(1);
  expect((await said())[0]).toContain(`of ${events.length} events`);
  // Once the gesture is over and the server's answer is in, nothing more is said.
  await expect(page.locator(".timeline-host .tl-root")).toHaveAttribute("data-gesture", "idle");
  await expect(page.locator(".dashboard")).toHaveAttribute("aria-busy", "false");
  expect(await said(), "one announcement per committed change").toHaveLength(1);
});
