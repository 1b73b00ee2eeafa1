import type { Locator, Page } from "@playwright/test";
import { byDate as inDateOrder } from "../lib/core/date-order";
import { periodEnd, periodStart } from "../lib/core/dates";
import { events, expect, listRows, matchingEvents, test } from "./fixtures";
import { firstListPage } from "./list-page";

/*
 * Issue 8, flaw 1: choosing an event shows its detail where the eye is, moves focus to it, keeps its
 * row in view, and closing gives focus back. Flaw 4 (page part): the phone page reads top to bottom
 * and scrolls as a page, with the detail as a bottom sheet.
 */

/** Date order, as the list and Previous/Next follow it. */
const byDate = <T extends { start: string; end?: string; id: string }>(list: T[]) =>
  [...list].sort((a, b) => inDateOrder(spanOf(a), spanOf(b)));
const spanOf = (e: { start: string; end?: string; id: string }) => ({
  id: e.id,
  startMs: periodStart(e.start),
  endMs: periodEnd(e.end ?? e.start),
});
const newest = byDate(events).at(-1)!;
const shanghai = byDate(matchingEvents({ place: "shanghai" }));

const rowOf = (page: Page, id: string) => page.locator(`.event-list li[data-event-id="${id}"]`);
const detailOf = (page: Page) => page.getByTestId("event-detail");
const eventInUrl = (page: Page) => new URL(page.url()).searchParams.get("event");

/** The element's box, and whether a person sees it: inside the viewport and not covered (e.g. by the sheet). */
async function seen(locator: Locator) {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const atCentre = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return {
      // A pixel's tolerance for sub-pixel layout.
      inside: r.top >= -1 && r.left >= -1 && r.bottom <= innerHeight + 1 && r.right <= innerWidth + 1 && r.height > 0,
      uncovered: atCentre !== null && el.contains(atCentre),
      top: r.top,
      bottom: r.bottom,
    };
  });
}

/** One finger moved vertically from y0 to y1, as real touch events. */
async function swipe(page: Page, x: number, y0: number, y1: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x, y: y0 }] });
  for (let i = 1; i <= 10; i++)
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x, y: y0 + ((y1 - y0) * i) / 10 }] });
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await cdp.detach();
}

/** The page's scroll position once a fling has come to rest. */
async function scrollSettled(page: Page) {
  let last = NaN;
  await expect
    .poll(async () => last === (last = await page.evaluate(() => new Promise<number>((done) => setTimeout(() => done(scrollY), 150)))))
    .toBe(true);
  return last;
}

const screens = [
  { name: "desktop 1400×900", use: { viewport: { width: 1400, height: 900 } } },
  { name: "desktop 1024×768", use: { viewport: { width: 1024, height: 768 } } },
  { name: "phone 390×844", use: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true } },
];

for (const screen of screens) {
  test.describe(screen.name, () => {
    test.use(screen.use);
    const press = (locator: Locator) => (screen.use.isMobile ? locator.tap() : locator.click());

    test("choosing the last row shows its detail in view with focus on its title, the row still in view; closing returns focus to the row", async ({
      page,
    }) => {
      await page.goto("/");
      await expect(listRows(page)).toHaveCount(firstListPage(events.length));
      const row = rowOf(page, newest.id);
      await press(row.getByRole("link"));
      await expect.poll(() => eventInUrl(page)).toBe(newest.id);

      const detail = detailOf(page);
      await expect(detail.getByRole("heading", { level: 2 })).toHaveText(newest.title);
      await expect(detail.getByRole("heading", { level: 2 })).toBeFocused();
      // On a phone the sheet slides in (160 ms): in view once it has.
      await expect.poll(() => seen(detail)).toMatchObject({ inside: true });
      // The chosen row stays where the eye can find it: in view, not under the detail.
      await expect.poll(() => seen(row)).toMatchObject({ inside: true, uncovered: true });
      await expect(row).toHaveClass(/selected/);

      await press(detail.getByRole("link", { name: "Close event details" }));
      await expect(detail).toHaveCount(0);
      await expect(row.getByRole("link")).toBeFocused();
      expect(eventInUrl(page)).toBeNull();
    });

    test("Next and the arrow keys step through the matching events by date, with the position shown", async ({ page }) => {
      await page.goto("/?city=shanghai");
      await press(rowOf(page, shanghai[0].id).getByRole("link"));
      const detail = detailOf(page);
      await expect(detail.getByTestId("detail-position")).toHaveText(`1 of ${shanghai.length}`);
      await expect(detail.getByText("Previous")).toHaveAttribute("aria-disabled", "true");

      await press(detail.getByRole("link", { name: "Next" }));
      await expect.poll(() => eventInUrl(page)).toBe(shanghai[1].id);
      await expect(detail.getByRole("heading", { level: 2 })).toHaveText(shanghai[1].title);
      await expect(detail.getByTestId("detail-position")).toHaveText(`2 of ${shanghai.length}`);
      await expect(detail.getByRole("heading", { level: 2 })).toBeFocused();
      await expect(rowOf(page, shanghai[1].id)).toHaveClass(/selected/);

      await page.keyboard.press("ArrowRight");
      await expect.poll(() => eventInUrl(page)).toBe(shanghai[2].id);
      await expect(detail.getByRole("heading", { level: 2 })).toHaveText(shanghai[2].title);
      await expect(detail.getByRole("heading", { level: 2 })).toBeFocused();
      await page.keyboard.press("ArrowLeft");
      await expect.poll(() => eventInUrl(page)).toBe(shanghai[1].id);
      await expect(detail.getByRole("heading", { level: 2 })).toHaveText(shanghai[1].title);
      expect(await seen(detail)).toMatchObject({ inside: true });

      // Closed after stepping, focus lands on the row of the event last shown.
      await page.keyboard.press("Escape");
      await expect(detail).toHaveCount(0);
      await expect(rowOf(page, shanghai[1].id).getByRole("link")).toBeFocused();
    });
  });
}

test.describe("desktop 1400×900", () => {
  test("an event chosen on the timeline opens in view with focus on its title; closing does not drop focus to the page", async ({
    page,
  }) => {
    const urumqi = byDate(matchingEvents({ place: "urumqi" }));
    await page.goto("/?city=urumqi");
    await page.locator(`.timeline-host [data-event-id="${urumqi[0].id}"]`).first().click();
    await expect.poll(() => eventInUrl(page)).toBe(urumqi[0].id);
    const detail = detailOf(page);
    await expect(detail.getByRole("heading", { level: 2 })).toBeFocused();
    expect(await seen(detail)).toMatchObject({ inside: true });
    await expect.poll(() => seen(rowOf(page, urumqi[0].id))).toMatchObject({ inside: true, uncovered: true });

    await page.keyboard.press("Escape");
    await expect(detail).toHaveCount(0);
    // Back to the timeline element that opened it or, where the timeline redrew it, to the event's row.
    const focused = await page.evaluate(
      (id) =>
        document.activeElement?.closest(".timeline-host")
          ? "timeline"
          : document.activeElement?.closest(`li[data-event-id="${id}"]`)
            ? "row"
            : document.activeElement?.tagName,
      urumqi[0].id,
    );
    expect(["timeline", "row"]).toContain(focused);
  });

  test("a long detail scrolls inside its card, leaving the list below it in view", async ({ page }) => {
    await page.goto("/?event=2025-09-21-iistem-inaugurated");
    const detail = detailOf(page);
    const box = (await detail.boundingBox())!;
    expect(box.height).toBeLessThanOrEqual(900 * 0.6);
    expect(await detail.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
    await expect(listRows(page).first()).toBeInViewport();
    // Its Previous/Next/close bar stays on top while the card scrolls.
    await detail.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    expect(await seen(detail.getByRole("link", { name: "Close event details" }))).toMatchObject({ inside: true, uncovered: true });
  });
});

test.describe("phone 390×844", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test("the page reads summary, map, timeline, list; the filters and list start on the first screen, and the page scrolls as one", async ({
    page,
  }) => {
    await page.goto("/");
    const top = async (selector: string) => (await page.locator(selector).first().boundingBox())!;
    const [summary, map, timeline, list] = await Promise.all([
      top(".summary"),
      top(".map-panel"),
      top(".timeline-panel"),
      top(".event-list"),
    ]);
    expect(summary.y + summary.height).toBeLessThanOrEqual(map.y);
    expect(map.y + map.height).toBeLessThanOrEqual(timeline.y);
    expect(timeline.y + timeline.height).toBeLessThanOrEqual(list.y);
    // The timeline shows every row, one line each (a phone cannot scroll rows inside it: one finger
    // scrolls the page), so map and timeline take most of the first screen; what follows begins on it.
    expect(map.height).toBeLessThanOrEqual(844 * 0.3);
    expect((await top(".sidebar")).y).toBeLessThan(844);
    // No scroll box inside the page: the sidebar and the list grow with their content.
    for (const box of [page.locator(".sidebar"), page.locator(".sidebar-scroll")]) {
      expect(await box.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(1);
    }
  });

  test("the detail is a bottom sheet: in view, at most 60% of the screen, scrolling on its own while the page still scrolls; close works", async ({
    page,
  }) => {
    await page.emulateMedia({ reducedMotion: "reduce" });
    await page.goto("/");
    await rowOf(page, newest.id).getByRole("link").tap();
    const sheet = detailOf(page);
    await expect(sheet.getByRole("heading", { level: 2 })).toBeFocused();
    const box = (await sheet.boundingBox())!;
    expect(box.y + box.height).toBeCloseTo(844, 0);
    expect(box.height).toBeLessThanOrEqual(844 * 0.6 + 1);
    expect(await sheet.evaluate((el) => getComputedStyle(el).animationName)).toBe("none"); // reduced motion

    // A swipe on the page above the sheet scrolls the page; a swipe on the sheet scrolls the sheet, not the page.
    const scrolledBefore = await page.evaluate(() => scrollY);
    await swipe(page, 195, 100, 300);
    const pageAfterFirstSwipe = await scrollSettled(page);
    expect(pageAfterFirstSwipe).toBeLessThan(scrolledBefore - 150);
    await swipe(page, 195, 760, 560);
    await expect.poll(() => sheet.evaluate((el) => el.scrollTop)).toBeGreaterThan(100);
    expect(await scrollSettled(page)).toBe(pageAfterFirstSwipe);

    await sheet.getByRole("link", { name: "Close event details" }).tap();
    await expect(sheet).toHaveCount(0);
    await expect(rowOf(page, newest.id).getByRole("link")).toBeFocused();
  });

  test("a pull down on the sheet scrolls a long detail back to its top first, then closes it", async ({ page }) => {
    await page.emulateMedia({ reducedMotion: "reduce" });
    await page.goto("/");
    await rowOf(page, newest.id).getByRole("link").tap();
    const sheet = detailOf(page);
    await expect(sheet.getByRole("heading", { level: 2 })).toBeFocused();
    await swipe(page, 195, 760, 560);
    await expect.poll(() => sheet.evaluate((el) => el.scrollTop)).toBeGreaterThan(100);

    // Pulled down while scrolled, the sheet scrolls back up and stays open.
    for (let i = 0; i < 4 && (await sheet.evaluate((el) => el.scrollTop)) > 0; i++) {
      await swipe(page, 195, 560, 800);
      await expect(sheet).toBeVisible();
      await scrollSettled(page);
    }
    await expect.poll(() => sheet.evaluate((el) => el.scrollTop)).toBe(0);
    // A short pull springs back; a long one from the top closes it.
    await swipe(page, 195, 560, 600);
    await expect(sheet).toBeVisible();
    await swipe(page, 195, 560, 800);
    await expect(sheet).toHaveCount(0);
    await expect(page).not.toHaveURL(/event=/);
  });
});
