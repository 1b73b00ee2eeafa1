import type { Browser, Page } from "@playwright/test";
import { seriousViolations } from "./axe";
import { expect, matchingEvents, pinLabels, places, test, viewsReady, wake } from "./fixtures";

// The map as a person meets it (issue 8): it follows the view, opens the same for sender and
// recipient, shows the host cities by name, lets a phone scroll past it, and says when it is empty.

const VIEWPORTS = [
  { name: "desktop 1400×900", viewport: { width: 1400, height: 900 } },
  { name: "desktop 1024×768", viewport: { width: 1024, height: 768 } },
] as const;
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

type Point = { x: number; y: number };
type Box = { x: number; y: number; width: number; height: number };

const mapBox = async (page: Page): Promise<Box> => (await page.locator(".map-panel .leaflet-container").boundingBox())!;
const inside = (p: Point, b: Box) => p.x >= b.x && p.x <= b.x + b.width && p.y >= b.y && p.y <= b.y + b.height;

/** Each drawn pin's accessible name and the centre of its badge on screen. */
async function pinCentres(page: Page): Promise<Record<string, Point>> {
  const pins = await page.locator(".leaflet-marker-icon[aria-label]").evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return [e.getAttribute("aria-label")!, { x: r.x + r.width / 2, y: r.y + r.height / 2 }] as const;
    }),
  );
  return Object.fromEntries(pins);
}

/** Waits until the pins are drawn for the URL's window and stop moving (a fit or fly has finished). */
async function settledPins(page: Page) {
  await expect(page.locator(".leaflet-marker-icon").first()).toBeVisible();
  let last = "";
  await expect
    .poll(async () => {
      const now = JSON.stringify(await pinCentres(page));
      const still = now === last;
      last = now;
      return still;
    })
    .toBe(true);
  return pinCentres(page);
}

const windowOfUrl = (page: Page) => {
  const params = new URL(page.url()).searchParams;
  return { from: params.get("from") ?? undefined, to: params.get("to") ?? undefined, category: params.get("category") ?? undefined };
};

/** Drags the timeline's axis left by `fraction` of its width: the window moves later in time. */
async function dragTimeline(page: Page, fraction: number) {
  const before = page.url();
  await viewsReady(page);
  const panel = (await page.locator(".timeline-host .vis-panel.vis-center").boundingBox())!;
  const y = panel.y + 12;
  await page.mouse.move(panel.x + panel.width * 0.8, y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(panel.x + panel.width * (0.8 - (fraction * i) / 10), y);
  await page.mouse.up();
  await expect.poll(() => page.url()).not.toBe(before);
}

/** Opens `url` in a fresh browser context at the same viewport: a recipient of a copied link. */
async function openAsRecipient(browser: Browser, url: string, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(url);
  await wake(page);
  return { page, close: () => context.close() };
}

function expectSamePins(a: Record<string, Point>, b: Record<string, Point>) {
  expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
  for (const [label, p] of Object.entries(a)) {
    expect(Math.abs(b[label].x - p.x), `${label} x`).toBeLessThanOrEqual(2);
    expect(Math.abs(b[label].y - p.y), `${label} y`).toBeLessThanOrEqual(2);
  }
}

for (const { name, viewport } of VIEWPORTS) {
  test.describe(name, () => {
    test.use({ viewport });

    test("dragging the time window refits the map: every matching pin is inside the map, and the link opens the same map", async ({
      page,
      browser,
    }) => {
      await page.goto("/?from=2016&to=2017");
      await settledPins(page);
      const placesBefore = pinLabels({ from: "2016", to: "2017" });
      await dragTimeline(page, 0.45);
      const window = windowOfUrl(page);
      const expected = pinLabels(window);
      expect(expected, "the drag changes which places match").not.toEqual(placesBefore);
      await expect.poll(async () => Object.keys(await pinCentres(page)).sort()).toEqual(expected);
      const sender = await settledPins(page);
      const box = await mapBox(page);
      for (const [label, centre] of Object.entries(sender)) expect(inside(centre, box), `${label} inside the map`).toBe(true);
      expect(new URL(page.url()).searchParams.has("map")).toBe(false);

      const recipient = await openAsRecipient(browser, page.url(), viewport);
      expectSamePins(sender, await settledPins(recipient.page));
      await recipient.close();
    });

    test("a link to ?category=conference&from=2023&to=2023 opens the same map as the sender's", async ({ page, browser }) => {
      // The sender gets there by clicks (the year quick-pick), the recipient by the link.
      await page.goto("/?category=conference");
      await settledPins(page);
      await page.getByText("Filter by year, category, place, country, organization").click();
      await page.locator(".facets a", { hasText: /^2023/ }).first().click();
      await expect
        .poll(() => Object.fromEntries(new URL(page.url()).searchParams))
        .toEqual({ category: "conference", from: "2023", to: "2023" });
      await expect
        .poll(async () => Object.keys(await pinCentres(page)).sort())
        .toEqual(pinLabels({ category: "conference", from: "2023", to: "2023" }));
      const sender = await settledPins(page);
      const recipient = await openAsRecipient(browser, page.url(), viewport);
      expectSamePins(sender, await settledPins(recipient.page));
      await recipient.close();
    });

    test("after the user pans, the map stays put; “Fit to results” (keyboard) drops map= and shows every matching pin", async ({
      page,
    }) => {
      await page.goto("/?from=2023&to=2025");
      await settledPins(page);
      const box = await mapBox(page);
      // Drag the map far to the east: most pins leave the view, and the URL records the viewport.
      await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5, { steps: 5 });
      await page.mouse.move(box.x + box.width * 0.95, box.y + box.height * 0.5, { steps: 5 });
      await page.mouse.up();
      await expect.poll(() => new URL(page.url()).searchParams.get("map")).toMatch(/^-?\d/);
      const moved = await pinCentres(page);
      expect(
        Object.values(moved).some((p) => !inside(p, box)),
        "some pin left the view",
      ).toBe(true);

      const fit = page.getByRole("button", { name: "Fit to results" });
      await fit.focus();
      await page.keyboard.press("Enter");
      await expect.poll(() => new URL(page.url()).searchParams.has("map")).toBe(false);
      const fitted = await settledPins(page);
      // Every matching event's place is drawn (some as clusters at a world-wide fit), and all inside.
      const mapped = matchingEvents({ from: "2023", to: "2025" }).filter((e) => e.place).length;
      const drawn = Object.keys(fitted).reduce((sum, label) => sum + Number(/(\d+) events?/.exec(label)![1]), 0);
      expect(drawn).toBe(mapped);
      for (const [label, centre] of Object.entries(fitted)) expect(inside(centre, box), `${label} inside the map`).toBe(true);
    });

    test("the first view shows the host cities as separate pins with their names visible; “World” brings in the places abroad", async ({
      page,
    }) => {
      await page.goto("/");
      await settledPins(page);
      const box = await mapBox(page);
      const names = page.locator(".map-pin__name");
      for (const city of ["Shanghai", "Beijing", "Shenzhen", "Urumqi", "Wuhan"]) {
        const label = page.locator(`.map-pin__name[data-name*="${city}"]`);
        await expect(label, `${city}'s name is drawn on the map`).toBeVisible();
        const r = (await label.boundingBox())!;
        expect(
          inside({ x: r.x, y: r.y }, box) && inside({ x: r.x + r.width, y: r.y + r.height }, box),
          `${city}'s name inside the map`,
        ).toBe(true);
      }
      // The busiest host cities are pins of their own, named in words for screen readers.
      for (const city of ["shanghai", "beijing", "shenzhen", "urumqi"]) {
        await expect(
          page.getByRole("button", { name: pinLabels({}).find((l) => l.startsWith(places.find((p) => p.id === city)!.name))! }),
        ).toBeVisible();
      }
      // No two names overlap.
      const rects = await names.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
      for (const [i, a] of rects.entries())
        for (const b of rects.slice(i + 1))
          expect(a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom).toBe(false);

      await page.getByRole("button", { name: "World", exact: true }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get("map")).toMatch(/^-?\d/);
      const world = await settledPins(page);
      for (const city of ["Paris", "Dakar", "Jakarta", "Lahore", "Tashkent"]) {
        const pin = Object.entries(world).find(([label]) => label.includes(city));
        expect(pin, `${city} is on the map`).toBeDefined();
        expect(inside(pin![1], box), `${city} inside the map`).toBe(true);
      }
    });

    test("selecting an event abroad brings its pin into the map, highlighted", async ({ page }) => {
      await page.goto("/");
      await settledPins(page);
      const dakar = matchingEvents({ place: "dakar" })[0];
      const box = await mapBox(page);
      const before = await pinCentres(page);
      expect(Object.entries(before).some(([label, p]) => label.startsWith("Dakar") && inside(p, box))).toBe(false);
      await page.locator(`[data-testid=event-list] li[data-event-id="${dakar.id}"] a`).click();
      const selected = page.locator(".leaflet-marker-icon.is-selected");
      await expect(selected).toHaveAttribute("aria-label", /^Dakar/);
      await expect
        .poll(async () => {
          const r = (await selected.boundingBox())!;
          return inside({ x: r.x + r.width / 2, y: r.y + r.height / 2 }, box);
        })
        .toBe(true);
    });

    test("no matching events: the map says so and offers to clear the filters", async ({ page }) => {
      await page.goto("/?q=zzzzqx");
      const empty = page.getByTestId("map-empty");
      await expect(empty).toContainText("No events match");
      const r = (await empty.boundingBox())!;
      const box = await mapBox(page);
      expect(inside({ x: r.x, y: r.y }, box) && inside({ x: r.x + r.width, y: r.y + r.height }, box)).toBe(true);
      await empty.getByRole("link", { name: "Clear filters" }).click();
      await expect(page).toHaveURL(/\/$/);
      await expect(page.locator(".leaflet-marker-icon").first()).toBeVisible();
      await expect(empty).toHaveCount(0);
    });
  });
}

test.describe("phone 390×844 with touch", () => {
  test.use(PHONE);

  test("a one-finger vertical swipe over the map scrolls the page and leaves the map where it was", async ({ page }) => {
    await page.goto("/");
    const before = await settledPins(page);
    const box = await mapBox(page);
    const cdp = await page.context().newCDPSession(page);
    const x = box.x + box.width * 0.5;
    const touch = (type: "touchStart" | "touchMove" | "touchEnd", y?: number) =>
      cdp.send("Input.dispatchTouchEvent", { type, touchPoints: y === undefined ? [] : [{ x, y }] });
    await touch("touchStart", box.y + box.height * 0.8);
    for (let i = 1; i <= 10; i++) await touch("touchMove", box.y + box.height * (0.8 - 0.06 * i));
    await expect(page.locator(".map-touch-hint")).toHaveText("Use two fingers to move the map");
    await touch("touchEnd");
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(50);
    expect(new URL(page.url()).searchParams.has("map")).toBe(false);
    // A fling keeps the page moving for a moment: compare once it has come to rest.
    const restingScroll = async () => {
      const first = await page.evaluate(() => window.scrollY);
      await page.waitForTimeout(150);
      return first === (await page.evaluate(() => window.scrollY));
    };
    await expect.poll(restingScroll).toBe(true);
    // The pins moved up the screen with the page, and not at all relative to the map.
    const scrolled = await page.evaluate(() => window.scrollY);
    const after = await pinCentres(page);
    for (const [label, p] of Object.entries(before)) {
      expect(Math.abs(after[label].x - p.x), label).toBeLessThanOrEqual(1);
      expect(Math.abs(after[label].y + scrolled - p.y), label).toBeLessThanOrEqual(1);
    }
  });

  test("the legend starts folded, covers little of the map, and opens with a tap", async ({ page }) => {
    await page.goto("/");
    await settledPins(page);
    const box = await mapBox(page);
    const legend = page.locator(".map-legend");
    await expect(legend.getByText("solid = place stated in source")).toBeHidden();
    const folded = (await legend.boundingBox())!;
    expect(folded.width * folded.height).toBeLessThan((box.width * box.height) / 15);
    await legend.getByText("Legend").tap();
    await expect(legend.getByText("solid = place stated in source")).toBeVisible();
  });

  test("the host cities are named on the phone's first view too", async ({ page }) => {
    await page.goto("/");
    await settledPins(page);
    const box = await mapBox(page);
    for (const city of ["Shanghai", "Beijing", "Shenzhen", "Urumqi"]) {
      const label = page.locator(`.map-pin__name[data-name*="${city}"]`);
      await expect(label).toBeVisible();
      const r = (await label.boundingBox())!;
      expect(inside({ x: r.x, y: r.y }, box) && inside({ x: r.x + r.width, y: r.y + r.height }, box)).toBe(true);
    }
  });

  test("selecting an event abroad on a phone brings its pin into the map", async ({ page }) => {
    const paris = matchingEvents({ place: "paris" })[0];
    await page.goto(`/?event=${paris.id}`);
    await settledPins(page);
    const selected = page.locator(".leaflet-marker-icon.is-selected");
    await expect(selected).toHaveAttribute("aria-label", /^Paris/);
    const r = (await selected.boundingBox())!;
    expect(inside({ x: r.x + r.width / 2, y: r.y + r.height / 2 }, await mapBox(page))).toBe(true);
  });
});

test.describe("accessibility and dark theme", () => {
  test("the map is named and axe finds no serious or critical problem in it", async ({ page }) => {
    await page.goto("/?event=2025-09-21-iistem-inaugurated");
    await settledPins(page);
    await expect(page.locator(".map-panel .leaflet-container")).toHaveAttribute("aria-label", "Map of event places");
    const bad = await seriousViolations(page, ".map-panel");
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });

  test("the map's controls and overlays are in Chinese with ?lang=zh", async ({ page }) => {
    await page.goto("/?lang=zh");
    await settledPins(page);
    await expect(page.getByRole("button", { name: "显示全部结果" })).toBeVisible();
    await expect(page.getByRole("button", { name: "全球", exact: true })).toBeVisible();
    await expect(page.locator('.map-pin__name[data-name*="上海"]')).toBeVisible();
  });

  test.describe("dark", () => {
    test.use({ colorScheme: "dark" });
    test("dark theme: a dark basemap, and place names at ≥ 4.5:1 against their plate over land and sea", async ({ page }) => {
      await page.goto("/");
      await settledPins(page);
      const colours = await page.locator(".map-view").evaluate((el) => {
        const css = getComputedStyle(el);
        const name = getComputedStyle(el.querySelector(".map-pin__name")!);
        return {
          ink: name.color,
          plate: name.backgroundColor,
          land: css.getPropertyValue("--map-land").trim(),
          sea: getComputedStyle(el.querySelector(".leaflet-container")!).backgroundColor,
        };
      });
      const rgb = (c: string): number[] => {
        if (c.startsWith("#")) return [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)).concat(1);
        const [r, g, b, a = 1] = c.match(/[\d.]+/g)!.map(Number);
        return [r, g, b, a];
      };
      const over = (top: number[], under: number[]) => top.slice(0, 3).map((v, i) => v * top[3] + under[i] * (1 - top[3]));
      const luminance = (c: number[]) =>
        c
          .slice(0, 3)
          .map((v) => v / 255)
          .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
          .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
      const contrast = (a: number[], b: number[]) => {
        const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
        return (hi + 0.05) / (lo + 0.05);
      };
      expect(luminance(rgb(colours.sea))).toBeLessThan(0.05);
      expect(luminance(rgb(colours.land))).toBeLessThan(0.05);
      for (const under of [colours.land, colours.sea]) {
        expect(contrast(rgb(colours.ink), over(rgb(colours.plate), rgb(under)))).toBeGreaterThanOrEqual(4.5);
      }
    });
  });
});
