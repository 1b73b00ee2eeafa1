import type { Page } from "@playwright/test";
import { byDate as inDateOrder } from "../lib/core/date-order";
import { periodEnd, periodStart } from "../lib/core/dates";
import { axeViolations, isSerious } from "./axe";
import { countEvents, events, expect, test, viewsReady } from "./fixtures";

/*
 * Issue 8, the timeline as a person meets it: every row on screen with nothing cut at the edges
 * (flaw 5), gestures that change nothing add no filter (flaw 4), one tab stop with arrow keys in
 * date order and year fields (flaw 7), selection scrolled into view (flaw 1), an empty state.
 */
type Box = { x: number; y: number; width: number; height: number };
const inside = (inner: Box, outer: Box, slack = 0.5) =>
  inner.x >= outer.x - slack &&
  inner.y >= outer.y - slack &&
  inner.x + inner.width <= outer.x + outer.width + slack &&
  inner.y + inner.height <= outer.y + outer.height + slack;

const boxes = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((els) =>
    els
      .map((e) => ({
        text: e.textContent ?? "",
        hidden: getComputedStyle(e).visibility === "hidden",
        ...e.getBoundingClientRect().toJSON(),
      }))
      .filter((b) => !b.hidden && b.width > 0 && b.height > 0),
  );

/** Events in date order, as the arrow keys walk them. */
const byDate = [...events].map((e) => ({ id: e.id, startMs: periodStart(e.start), endMs: periodEnd(e.end ?? e.start) })).sort(inDateOrder);

async function timelineReady(page: Page) {
  await viewsReady(page);
  // The server's answer for the view is in (its redraw would take the focus a test is about to use).
  await expect(page.locator(".dashboard")).toHaveAttribute("aria-busy", "false");
  // The labels are fitted after vis has drawn: wait until the tab stop is in place.
  await expect(page.locator('.timeline-host .tl-item-body[tabindex="0"]')).toHaveCount(1);
}

/**
 * The URL once a gesture has played out. Waits for the timeline to be idle again (by then a drag's
 * result is queued for the URL), then makes a change of its own, the rows select, which is written
 * onto whatever the gesture queued: the URL that carries `rows` shows whether the gesture added a
 * window, with no clock to outwait.
 */
async function paramsAfterGesture(page: Page) {
  await expect(page.locator(".timeline-host .tl-root")).toHaveAttribute("data-gesture", "idle");
  await page.getByRole("combobox", { name: /^Rows/ }).selectOption("organization");
  await expect.poll(() => new URL(page.url()).searchParams.get("rows")).toBe("organization");
  return new URL(page.url()).searchParams;
}

async function expectReadable(page: Page) {
  const panel = (await page.locator(".timeline-panel").boundingBox())!;
  const center = (await page.locator(".timeline-host .vis-panel.vis-center").boundingBox())!;
  const rows = await boxes(page, ".timeline-host .vis-labelset .vis-label");
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) expect(inside(row, panel), `row "${row.text}" inside the timeline panel`).toBe(true);
  const labels = await boxes(page, ".timeline-host .tl-item-body:not(.tl-nolabel)");
  expect(labels.length).toBeGreaterThan(0);
  for (const label of labels) expect(inside(label, center, 1), `label "${label.text}" not cut by the panel's edges`).toBe(true);
  const axis = await boxes(page, ".timeline-host .vis-time-axis .vis-text.vis-minor");
  const first = axis.sort((a, b) => a.x - b.x)[0];
  const top = (await page.locator(".timeline-host .vis-panel.vis-top").boundingBox())!;
  expect(inside(first, top), `first axis label "${first.text}" whole`).toBe(true);
  // Labels in a row never run over each other.
  const perRow = await page
    .locator(".timeline-host .vis-foreground .vis-group")
    .evaluateAll((groups) =>
      groups.map((g) => [...g.querySelectorAll(".tl-item-body:not(.tl-nolabel)")].map((b) => b.getBoundingClientRect().toJSON() as Box)),
    );
  for (const row of perRow) {
    const sorted = row.sort((a, b) => a.x - b.x);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i - 1].x + sorted[i - 1].width).toBeLessThanOrEqual(sorted[i].x + 1);
  }
}

// One page per screen size walks the views (a fresh page for each cost the suite a minute of this
// 2-core machine): each view is a step of its own in the report.
for (const viewport of [
  { width: 1400, height: 900 },
  { width: 1024, height: 768 },
]) {
  test(`readable at ${viewport.width}×${viewport.height}: every row is on screen and no label is cut`, async ({ page }) => {
    await page.setViewportSize(viewport);
    for (const path of [
      "/",
      "/?city=shanghai",
      "/?city=shanghai&from=2023&to=2025",
      "/?rows=category&country=cn",
      "/?from=2019&to=2021",
      "/?lang=zh",
    ]) {
      await test.step(path, async () => {
        await page.goto(path);
        await timelineReady(page);
        await expectReadable(page);
        // Shanghai's newest items are the ones that used to be cut ("UNESCO Inte", "Host Country").
        if (path.includes("shanghai")) {
          const center = (await page.locator(".timeline-host .vis-panel.vis-center").boundingBox())!;
          const dots = await boxes(page, ".timeline-host .vis-dot");
          expect(dots.length).toBeGreaterThanOrEqual(5);
          for (const dot of dots) expect(inside(dot, center)).toBe(true);
        }
      });
    }
  });
}

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test("the timeline shows every row, and a one-finger vertical swipe over it scrolls the page without adding a filter", async ({
    page,
  }) => {
    await page.goto("/");
    await timelineReady(page);
    const panel = (await page.locator(".timeline-panel").boundingBox())!;
    for (const row of await boxes(page, ".timeline-host .vis-labelset .vis-label")) expect(inside(row, panel)).toBe(true);
    const center = (await page.locator(".timeline-host .vis-panel.vis-center").boundingBox())!;
    const cdp = await page.context().newCDPSession(page);
    const x = center.x + center.width / 2;
    const y = center.y + center.height - 20;
    await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x, y }] });
    for (let i = 1; i <= 12; i++) {
      // A real thumb drifts sideways a little.
      await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x: x + i * 0.6, y: y - i * 18 }] });
      await page.waitForTimeout(16);
    }
    await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(100);
    const params = await paramsAfterGesture(page);
    expect(params.get("from")).toBeNull();
    expect(params.get("to")).toBeNull();
    await expect(page.locator(".active-filters", { hasText: "Time" })).toHaveCount(0);
  });

  test("a deliberate horizontal swipe scrubs the timeline", async ({ page }) => {
    await page.goto("/?from=2016&to=2018");
    await timelineReady(page);
    const center = (await page.locator(".timeline-host .vis-panel.vis-center").boundingBox())!;
    await page.evaluate((top) => window.scrollTo(0, top - 100), center.y);
    const box = (await page.locator(".timeline-host .vis-panel.vis-center").boundingBox())!;
    const cdp = await page.context().newCDPSession(page);
    const y = box.y + 30;
    const x = box.x + box.width * 0.8;
    await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x, y }] });
    for (let i = 1; i <= 12; i++) {
      await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x: x - i * 12, y: y + i * 0.5 }] });
      await page.waitForTimeout(16);
    }
    await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
    // Swiped leftwards: the window moves later.
    // Three years shown: the window is read in whole years.
    await expect.poll(() => new URL(page.url()).searchParams.get("from")).toMatch(/^201[78]$/);
  });

  test("the year fields and axe checks work on a phone too", async ({ page }) => {
    await page.goto("/");
    await timelineReady(page);
    await page.getByLabel("Shown from").fill("2020");
    await page.getByLabel("Shown from").press("Enter");
    await expect.poll(() => new URL(page.url()).searchParams.get("from")).toBe("2020");
    await timelineReady(page);
    await expectNoSeriousViolations(page);
  });
});

async function dragCenter(page: Page, dx: number) {
  const center = (await page.locator(".timeline-host .vis-panel.vis-center").boundingBox())!;
  // Between rows' items: the axis grid under the first row's labels.
  const y = center.y + center.height - 6;
  const x = center.x + center.width / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(x + (dx * i) / 8, y);
  await page.mouse.up();
}

test.describe("gestures that change nothing add no filter", () => {
  for (const viewport of [
    { width: 1400, height: 900 },
    { width: 1024, height: 768 },
  ]) {
    test(`a small drag that keeps every event in view adds no from/to (${viewport.width}px)`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.goto("/");
      await timelineReady(page);
      // About two months at the default zoom: the first event (June 2014) stays on screen.
      await dragCenter(page, -10);
      expect((await paramsAfterGesture(page)).get("from")).toBeNull();
      await expect(page.locator(".active-filters", { hasText: "Time" })).toHaveCount(0);
      await expect(page.locator(".summary")).toContainText(`All ${events.length} events`);
      // Zoomed in, a drag that leaves events out of the window is a time filter.
      await page.goto("/?from=2017&to=2019");
      await timelineReady(page);
      await dragCenter(page, -viewport.width / 4);
      await expect.poll(() => new URL(page.url()).searchParams.get("from")).toMatch(/^20(1[89]|20)$/);
    });
  }
});

async function expectNoSeriousViolations(page: Page) {
  const violations = await axeViolations(page, ".timeline-panel");
  expect(violations.filter(isSerious).map((v) => `${v.id}: ${v.nodes.length} nodes`)).toEqual([]);
  expect(violations.filter((v) => v.id === "target-size")).toEqual([]);
}

// The keys do not depend on the screen's width (the readable tests above cover both layouts): the
// narrower desktop, where labels have least room.
{
  const viewport = { width: 1024, height: 768 };
  test.describe(`keyboard at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test("the timeline is one tab stop; arrows walk events by date, Enter selects", async ({ page }) => {
      await page.goto("/");
      await timelineReady(page);
      await page.locator(".timeline-panel select").focus();
      await page.keyboard.press("Tab");
      const focused = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.eventId ?? null);
      await expect.poll(focused).toBe(byDate[0].id);
      await page.keyboard.press("ArrowRight");
      await expect.poll(focused).toBe(byDate[1].id);
      await page.keyboard.press("ArrowRight");
      await expect.poll(focused).toBe(byDate[2].id);
      await page.keyboard.press("ArrowLeft");
      await expect.poll(focused).toBe(byDate[1].id);
      // The focused item is whole and on screen.
      const center = (await page.locator(".timeline-host .vis-panel.vis-center").boundingBox())!;
      const item = (await page.locator(":focus").boundingBox())!;
      expect(inside(item, center, 1)).toBe(true);
      await page.keyboard.press("Enter");
      await expect.poll(() => new URL(page.url()).searchParams.get("event")).toBe(byDate[1].id);
      // One tab stop: Tab from an item leaves the timeline (the stop is set again a frame after the selection redraws).
      const tabStop = page.locator('.timeline-host .tl-item-body[tabindex="0"]');
      await expect(tabStop).toHaveCount(1);
      await tabStop.focus();
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.closest(".timeline-host") ?? null)).toBeNull();
    });

    test("Shift+arrows pan and +/- zoom the window, into the URL", async ({ page }) => {
      await page.goto("/?from=2017&to=2019");
      await timelineReady(page);
      await page.locator('.timeline-host .tl-item-body[tabindex="0"]').focus();
      await page.keyboard.press("Shift+ArrowRight");
      await expect.poll(() => new URL(page.url()).searchParams.get("from")).toBe("2018");
      await timelineReady(page);
      await page.locator('.timeline-host .tl-item-body[tabindex="0"]').focus();
      const before = new URL(page.url()).searchParams;
      await page.keyboard.press("+");
      await expect.poll(() => new URL(page.url()).searchParams.get("from")).not.toBe(before.get("from"));
      const after = new URL(page.url()).searchParams;
      const span = (p: URLSearchParams) => periodEnd(p.get("to")!) - periodStart(p.get("from")!);
      expect(span(after)).toBeLessThan(span(before) * 0.7);
    });

    test("year fields set the window; axe finds nothing serious in the timeline", async ({ page }) => {
      await page.goto("/");
      await timelineReady(page);
      await expectNoSeriousViolations(page);
      await page.getByLabel("Shown from").fill("2016");
      await page.getByLabel("Shown until").fill("2018");
      await page.getByLabel("Shown until").press("Enter");
      await expect.poll(() => page.url()).toMatch(/from=2016&to=2018/);
      await expect(page.getByLabel("Shown from")).toHaveValue("2016");
      await timelineReady(page);
      await expectReadable(page);
      await expectNoSeriousViolations(page);
    });
  });
}

test("the date fields are labelled in Chinese", async ({ page }) => {
  await page.goto("/?lang=zh");
  await timelineReady(page);
  await expect(page.getByLabel("起始", { exact: true })).toBeVisible();
  await expect(page.getByLabel("截止", { exact: true })).toBeVisible();
});

test.describe("windows that mean what they show (issue 20)", () => {
  const years = events.map((e) => Number(e.start.slice(0, 4)));
  const [firstYear, lastYear] = [Math.min(...years), Math.max(...years.concat(events.map((e) => Number((e.end ?? e.start).slice(0, 4)))))];
  const wholeYears = /^\d{4}$/;

  test("a first drag at the default view sets a window of whole years within the data, and every part of the page says the same one", async ({
    page,
  }) => {
    await page.goto("/");
    await timelineReady(page);
    const box = (await page.locator(".timeline-host .vis-panel.vis-center").boundingBox())!;
    // Content dragged leftwards: later years come into view, the earliest leave it.
    await dragCenter(page, -box.width / 4);
    await expect.poll(() => new URL(page.url()).searchParams.get("from")).toMatch(wholeYears);
    const params = new URL(page.url()).searchParams;
    const [from, to] = [params.get("from")!, params.get("to")!];
    expect(Number(from)).toBeGreaterThan(firstYear);
    expect(to).toBe(String(lastYear));
    await expect(page.getByLabel("Shown from")).toHaveValue(from);
    await expect(page.getByLabel("Shown until")).toHaveValue(to);
    await expect(page.getByTestId("match-count")).toHaveText(`${countEvents({ from, to })} of ${events.length} events`);
    await expect(page.getByTestId("view-sentence")).toContainText(`${from}–${to}`);
  });

  test.describe("before the live timeline has loaded", () => {
    test.use({ wakeOnNavigation: false });

    test("a drag on the still timeline is carried through once it loads", async ({ page }) => {
      await page.goto("/");
      const preview = page.getByTestId("timeline-preview");
      await expect(preview).toBeVisible();
      // The live timeline's code arrives only after the drag, as on a slow phone: the whole drag is
      // made on the preview, which must slide with the hand and hand the drag over.
      let arrive = () => {};
      const dragDone = new Promise<void>((resolve) => (arrive = resolve));
      await page.route("**/_next/static/chunks/**", async (route) => {
        await dragDone;
        await route.continue();
      });
      const track = (await preview.locator(".tl-preview__track").first().boundingBox())!;
      const [x, y] = [track.x + track.width / 2, track.y + track.height / 2];
      await page.mouse.move(x, y);
      await page.mouse.down();
      for (let i = 1; i <= 8; i++) await page.mouse.move(x - (track.width / 4) * (i / 8), y);
      await page.mouse.up();
      await expect(preview).toBeVisible();
      const slid = await preview.evaluate((e) => parseFloat(e.style.getPropertyValue("--tl-drag")));
      expect(slid).toBeCloseTo(-track.width / 4, -1);
      arrive();
      await expect.poll(() => new URL(page.url()).searchParams.get("from")).toMatch(wholeYears);
      expect(Number(new URL(page.url()).searchParams.get("from"))).toBeGreaterThan(firstYear);
      await expect(page.locator(".timeline-host .tl-root")).toHaveAttribute("data-gesture", "idle");
    });
  });

  test("a zoom commits whole periods, and the date fields show exactly what filters", async ({ page }) => {
    await page.goto("/?from=2017&to=2022");
    await timelineReady(page);
    await page.locator(".timeline-host .tl-item-body[tabindex='0']").focus();
    await page.keyboard.press("+");
    await expect.poll(() => new URL(page.url()).searchParams.get("from")).not.toBe("2017");
    const params = new URL(page.url()).searchParams;
    for (const side of ["from", "to"] as const) expect(params.get(side)).toMatch(/^\d{4}(-\d{2})?$/);
    await expect(page.getByLabel("Shown from")).toHaveValue(params.get("from")!);
    await expect(page.getByLabel("Shown until")).toHaveValue(params.get("to")!);
  });

  test("a typed year before the data starts the window at the data's first year", async ({ page }) => {
    await page.goto("/");
    await timelineReady(page);
    await page.getByLabel("Shown from").fill(String(firstYear - 4));
    await page.getByLabel("Shown from").press("Enter");
    await expect.poll(() => new URL(page.url()).searchParams.get("from")).toBe(String(firstYear));
    await expect(page.getByLabel("Shown from")).toHaveValue(String(firstYear));
  });
});

test.describe("selection", () => {
  test.use({ viewport: { width: 1024, height: 768 } });

  test("an event chosen in the list is scrolled into view on the timeline, in its row", async ({ page }) => {
    // By organization there are more rows than fit: the last row ("No organization listed") starts below.
    const unlisted = events.find((e) => (e as unknown as { organizations: string[] }).organizations.length === 0)!;
    await page.goto("/?rows=organization");
    await timelineReady(page);
    await page.getByTestId("event-list").getByText(unlisted.title, { exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("event")).toBe(unlisted.id);
    const center = (await page.locator(".timeline-host .vis-panel.vis-center").boundingBox())!;
    const selected = page.locator(".timeline-host .vis-item.tl-selected").first();
    await expect.poll(async () => inside((await selected.boundingBox())!, center, 3)).toBe(true);
  });
});

test("an empty view says so on the timeline and offers to clear filters", async ({ page }) => {
  await page.goto("/?q=zzzzqqq");
  await expect(page.getByTestId("timeline-empty")).toContainText("No events match");
  const panel = (await page.locator(".timeline-panel").boundingBox())!;
  expect(inside((await page.getByTestId("timeline-empty").boundingBox())!, panel)).toBe(true);
  await page.getByTestId("timeline-empty").getByRole("link", { name: "Clear filters" }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBeNull();
  await page.goto("/?q=zzzzqqq&lang=zh");
  await expect(page.getByTestId("timeline-empty")).toContainText("没有符合条件的事件");
});

test.describe("dark theme", () => {
  test.use({ colorScheme: "dark" });

  test("the timeline's text keeps 4.5:1 contrast on its background", async ({ page }) => {
    await page.goto("/");
    await timelineReady(page);
    const ratios = await page.evaluate(() => {
      const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
      const lum = (c: string) => {
        const [r, g, b] = rgb(c)
          .map((v) => v / 255)
          .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const bg = getComputedStyle(document.querySelector(".tl-root")!).backgroundColor;
      const ratio = (el: Element) => {
        const a = lum(getComputedStyle(el).color);
        const b = lum(bg);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      };
      const pick = (selector: string) => document.querySelector(`.timeline-host ${selector}`)!;
      return {
        axis: ratio(pick(".vis-time-axis .vis-text")),
        row: ratio(pick(".vis-labelset .vis-label")),
        item: ratio(pick(".tl-item-body")),
      };
    });
    for (const [what, ratio] of Object.entries(ratios)) expect(ratio, what).toBeGreaterThanOrEqual(4.5);
  });
});
