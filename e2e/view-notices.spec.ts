import { events, expect, listRows, test, viewsReady } from "./fixtures";

// Issue 20, "Never lose the view": an event outside the filter says so, the unmapped events are one
// click from a list, and pins outside the map are counted.
const shenzhenEvent = events.find((e) => e.place === "shenzhen")!.id;
const unmapped = events.filter((e) => !e.place).map((e) => e.id);
const params = (url: string) => Object.fromEntries(new URL(url).searchParams);

test("an event outside the filter says which filter leaves it out, and one click shows it in the view", async ({ page }) => {
  await page.goto(`/?city=shanghai&event=${shenzhenEvent}`);
  const notice = page.getByTestId("event-detail").getByTestId("detail-outside");
  await expect(notice).toContainText("This event is outside the current filter (place)");
  await notice.getByRole("link", { name: /^Show it in the view/ }).click();
  await expect.poll(() => params(page.url())).toEqual({ event: shenzhenEvent });
  await expect(page.getByTestId("detail-outside")).toHaveCount(0);
  await expect(page.getByTestId("detail-position")).toBeVisible();
});

test("the notice and its button are in Chinese on a Chinese page", async ({ page }) => {
  await page.goto(`/?city=shanghai&from=2025&event=${shenzhenEvent}&lang=zh`);
  const notice = page.getByTestId("detail-outside");
  await expect(notice).toContainText("此事件不在当前筛选范围内");
  await notice.getByRole("link", { name: /^在视图中显示/ }).click();
  await expect.poll(() => params(page.url())).toEqual({ event: shenzhenEvent, lang: "zh" });
});

test("the map's unmapped note lists the events without a place, through the URL, as the API does", async ({ page, request }) => {
  await page.goto("/");
  await viewsReady(page);
  await page
    .getByRole("link", { name: `${unmapped.length} events without a mapped place` })
    .first()
    .click();
  await expect.poll(() => params(page.url())).toEqual({ unmapped: "1" });
  await expect(page.getByRole("navigation", { name: "Active filters" }).getByRole("link", { name: /not on the map/ })).toBeVisible();
  await expect(listRows(page)).toHaveCount(unmapped.length);

  const answer = (await (await request.get("/api/events?unmapped=1")).json()) as {
    matched: number;
    events: { id: string; place: unknown }[];
  };
  expect(answer.events.map((e) => e.id).sort()).toEqual([...unmapped].sort());
  expect(answer.events.every((e) => e.place === null)).toBe(true);
  expect((await request.get("/api/events?unmapped=yes")).status()).toBe(400);
});

test("the live map counts the events outside its view, and World brings them in", async ({ page }) => {
  await page.goto("/");
  await viewsReady(page);
  const offscreen = page.locator(".leaflet-container").getByTestId("map-offscreen");
  await expect(offscreen).toHaveText(/^\d+ events? outside this map view$/);
  await page.locator(".leaflet-container").getByRole("button", { name: "World", exact: true }).click();
  await expect(offscreen).toHaveCount(0);
});

test.describe("before the live map loads", () => {
  test.use({ wakeOnNavigation: false });

  test("the still map counts the events outside its view too, in the page's language", async ({ page }) => {
    await page.goto("/?lang=zh");
    await expect(page.getByTestId("map-preview").getByTestId("map-offscreen")).toHaveText(/^另有 \d+ 个事件在地图视野之外$/);
  });
});
