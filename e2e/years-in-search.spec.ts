import { expect, listRows, matchingEvents, test } from "./fixtures";

// Issue 20: "Shanghai 2025" found one 2018 event whose summary says "2025", not the five Shanghai events of 2025.
const shanghai2025 = matchingEvents({ place: "shanghai", from: "2025", to: "2025" }).map((e) => e.id);
const shanghai2023to2025 = matchingEvents({ place: "shanghai", from: "2023", to: "2025" }).map((e) => e.id);
const searchBox = (page: import("@playwright/test").Page) => page.getByRole("searchbox", { name: "Search events" });
const filters = (page: import("@playwright/test").Page) => page.getByRole("navigation", { name: "Active filters" });
const shownIds = (page: import("@playwright/test").Page) =>
  listRows(page).evaluateAll((rows) => rows.map((r) => r.getAttribute("data-event-id")));

test("a year typed in the search becomes the time window, shown as a chip and kept in the URL", async ({ page }) => {
  await page.goto("/");
  await searchBox(page).pressSequentially("Shanghai 2025", { delay: 40 });
  await expect.poll(() => Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ q: "Shanghai", from: "2025", to: "2025" });
  await expect(filters(page).getByRole("link", { name: "Remove filter Time: 2025" })).toBeVisible();
  await expect(listRows(page)).toHaveCount(shanghai2025.length);
  expect((await shownIds(page)).sort()).toEqual([...shanghai2025].sort());
  // The reader's words stay in the box while the window is the one they name.
  await expect(searchBox(page)).toHaveValue("Shanghai 2025");

  await filters(page).getByRole("link", { name: "Remove filter Time: 2025" }).click();
  await expect.poll(() => Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ q: "Shanghai" });
  await expect(searchBox(page)).toHaveValue("Shanghai");
});

test("a link with a range in q opens on that window, and the API answers alike", async ({ page, request }) => {
  await page.goto(`/?q=${encodeURIComponent("上海 2023–2025")}`);
  await expect(filters(page).getByRole("link", { name: "Remove filter Time: 2023–2025" })).toBeVisible();
  await expect(filters(page).getByRole("link", { name: "Remove filter Search: “上海”" })).toBeVisible();
  await expect(listRows(page)).toHaveCount(shanghai2023to2025.length);

  const ids = async (search: string) =>
    ((await (await request.get(`/api/events?${search}`)).json()) as { events: { id: string }[] }).events.map((e) => e.id);
  expect(await ids(`q=${encodeURIComponent("Shanghai 2025")}`)).toEqual(await ids("q=Shanghai&from=2025&to=2025"));
  expect((await ids(`q=${encodeURIComponent("Shanghai 2025")}`)).sort()).toEqual([...shanghai2025].sort());
});
