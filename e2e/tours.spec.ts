import { expect, pinLabel, test } from "./fixtures";

/*
 * Issue 18, guided tours: /tours lists them; every step is a link the server renders whole (without
 * JavaScript too); Next moves to the next step and the URL says so; an unknown step is noticed.
 */
test("/tours lists both tours, each step a link", async ({ page }) => {
  await page.goto("/tours");
  await expect(page.getByTestId("tour")).toHaveCount(2);
  await expect(page.getByRole("link", { name: "UNESCO-ICHEI in Shenzhen, 2014–2025" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Shanghai's road to a Category 1 institute (IISTEM)" })).toBeVisible();
  await page.goto("/tours?lang=zh");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("导览");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false, wakeOnNavigation: false });
  test("a step's page has a preview image of its own, drawn with the step's title", async ({ page, request }) => {
    await page.goto("/?tour=ichei-shenzhen&step=founding");
    const image = await page.locator('meta[property="og:image"]').getAttribute("content");
    expect(new URL(image!).search).toBe("?from=2016&to=2016&city=shenzhen&tour=ichei-shenzhen&step=founding");
    const response = await request.get(new URL(image!).pathname + new URL(image!).search);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("image/png");
  });

  test("a step's link renders its panel and its view on the server", async ({ page }) => {
    await page.goto("/?tour=ichei-shenzhen&step=founding");
    const panel = page.getByTestId("tour-panel");
    await expect(panel.getByRole("heading", { name: "Founded in Shenzhen, 2016" })).toBeVisible();
    await expect(panel.getByTestId("tour-position")).toHaveText("Step 2 of 6");
    await expect(panel.getByRole("link", { name: "First Governing Board", exact: false })).toBeVisible();
    // The step's view: Shenzhen in 2016, with the founding open.
    await expect(page.getByTestId("view-sentence")).toContainText("2016");
    await expect(page.getByTestId("event-detail").getByRole("heading", { level: 2 })).toHaveText("UNESCO-ICHEI founded in Shenzhen");
    await expect(page).toHaveTitle(/Founded in Shenzhen, 2016/);
    // The step's events are marked in the list.
    await expect(page.locator('.event-list li.in-tour[data-event-id="2016-06-08-ichei-founded"]')).toBeVisible();
  });
});

test("Next moves to the next step, and the URL names it", async ({ page }) => {
  await page.goto("/?tour=ichei-shenzhen&step=agreements");
  const panel = page.getByTestId("tour-panel");
  await expect(panel.getByTestId("tour-position")).toHaveText("Step 1 of 6");
  await panel.getByRole("link", { name: "Next step →" }).click();
  await expect(panel.getByTestId("tour-position")).toHaveText("Step 2 of 6");
  await expect.poll(() => new URL(page.url()).searchParams.get("step")).toBe("founding");
  expect(new URL(page.url()).searchParams.get("city")).toBe("shenzhen");
});

test("an unknown step is ignored with a notice", async ({ page }) => {
  await page.goto("/?tour=ichei-shenzhen&step=nowhere");
  await expect(page.getByTestId("url-notice")).toContainText("step=nowhere");
  await expect(page.getByTestId("tour-panel").getByTestId("tour-position")).toHaveText("Step 1 of 6");
});

test("a step's events are marked on the timeline and in the list", async ({ page }) => {
  await page.goto("/?tour=ichei-shenzhen&step=founding");
  await expect(page.locator(".timeline-host .vis-item.tl-in-tour").first()).toBeVisible();
  await expect(page.locator('.event-list li.in-tour[data-event-id="2016-11-12-first-governing-board-bokova-visit"]')).toBeVisible();
});

test("the map draws the way from the previous step's place", async ({ page }) => {
  // Step 3 (Lahore) after step 2 (Shenzhen): a line joins them.
  await page.goto("/?tour=ichei-shenzhen&step=reaching-out");
  await expect(page.getByTestId("tour-panel").getByTestId("tour-position")).toHaveText("Step 3 of 6");
  await expect(page.locator(".leaflet-container[data-tour-line]")).toHaveCount(1);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  test("the step is the bottom sheet, its Next in reach; the event it opens sits in the page, not over it", async ({ page }) => {
    await page.goto("/?tour=ichei-shenzhen&step=founding");
    const panel = page.getByTestId("tour-panel");
    await expect(panel.getByRole("heading", { name: "Founded in Shenzhen, 2016" })).toBeInViewport();
    const next = panel.getByRole("link", { name: "Next step →" });
    await expect(next).toBeInViewport();
    // Nothing lies over the step's Next: a tap there reaches it.
    const box = (await next.boundingBox())!;
    const hit = await page.evaluate(
      ([x, y]) => document.elementFromPoint(x, y)?.closest("a")?.textContent,
      [box.x + box.width / 2, box.y + box.height / 2],
    );
    expect(hit).toBe("Next step →");
    await expect(page.getByTestId("event-detail")).toBeVisible();
    await next.tap();
    await expect(panel.getByTestId("tour-position")).toHaveText("Step 3 of 6");
  });
});

test("the map rings the pins of the step's events, and their names say so", async ({ page }) => {
  // Step 2: ICHEI founded in Shenzhen, then its first Governing Board there, both in 2016.
  await page.goto("/?tour=ichei-shenzhen&step=founding");
  const shenzhen = page.getByRole("button", {
    name: `${pinLabel("shenzhen", { from: "2016", to: "2016" })}, part of this tour step`,
    exact: true,
  });
  await expect(shenzhen).toBeVisible();
  await expect(shenzhen).toHaveClass(/\bmap-pin--tour\b/);
});
