import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { firstListPage } from "./list-page";

const events = JSON.parse(readFileSync("data/events.json", "utf8")) as { id: string; place?: string; title: string }[];
const shanghai = events.filter((e) => e.place === "shanghai");

test("a shared city link shows only that city's events, counted, in the server HTML", async ({ page, request }) => {
  // The HTML as the server sends it, before any JavaScript runs.
  const html = await (await request.get("/?city=shanghai")).text();
  expect(html).toContain(`${shanghai.length} of ${events.length} events`);

  await page.goto("/?city=shanghai");
  await expect(page.getByTestId("match-count")).toHaveText(`${shanghai.length} of ${events.length} events`);
  const rows = page.getByTestId("event-list").locator("li");
  await expect(rows).toHaveCount(firstListPage(shanghai.length));
  for (const row of await rows.all()) await expect(row).toContainText("Shanghai");
  await expect(page.getByRole("navigation", { name: "Active filters" })).toContainText("Place: Shanghai");
});

test("a malformed URL renders the full, unfiltered view without a server error", async ({ page }) => {
  const response = await page.goto("/?from=%25&city=%3Cx%3E");
  expect(response?.status()).toBe(200);
  await expect(page.getByTestId("match-count")).toHaveText(`All ${events.length} events`);
  await expect(page.getByTestId("event-list").locator("li")).toHaveCount(firstListPage(events.length));
});

test("clearing a filter chip brings every event back", async ({ page }) => {
  await page.goto("/?city=shanghai");
  await page.getByRole("link", { name: "Remove filter Place: Shanghai" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("match-count")).toHaveText(`All ${events.length} events`);
});

test("the API returns exactly the Urumqi meeting for city=urumqi", async ({ request }) => {
  const response = await request.get("/api/events?city=urumqi");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.total).toBe(events.length);
  const urumqi = events.filter((e) => e.place === "urumqi");
  expect(body.matched).toBe(urumqi.length);
  expect(body.events).toHaveLength(urumqi.length);
  expect(body.events.map((e: { title: string }) => e.title)).toContainEqual(expect.stringMatching(/Central Asia Education Ministers/));
  expect(body.events[0].place).toMatchObject({ id: "urumqi", name: "Urumqi", country: "cn" });
});

test("the API answers invalid values with a 400 that names the parameter", async ({ request }) => {
  const response = await request.get("/api/events?category=nope&from=2023-13");
  expect(response.status()).toBe(400);
  const body = await response.json();
  expect(body.issues.map((i: { param: string }) => i.param).sort()).toEqual(["category", "from"]);
  expect(body.issues.find((i: { param: string }) => i.param === "category").accepted).toContain("conference");
});

test("an unknown address says so in plain words", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("the list's further pages, the scrub index and the health check answer over HTTP", async ({ request }) => {
  const rows = await (await request.get("/api/rows?city=shanghai&offset=2")).json();
  expect(rows.matched).toBe(shanghai.length);
  expect(rows.rows).toHaveLength(shanghai.length - 2);
  expect((await request.get("/api/rows?offset=-1")).status()).toBe(400);

  const scrub = await request.get("/api/scrub?city=shanghai");
  expect(scrub.headers()["content-type"]).toBe("application/octet-stream");
  expect((await scrub.body()).length).toBe(4 + 11 * shanghai.length); // 11 bytes an event

  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ ok: true, problems: [] });
});

test("the API's answers carry an ETag of data version and query, and revalidate with a 304", async ({ request }) => {
  const first = await request.get("/api/events?city=beijing");
  const etag = first.headers()["etag"];
  expect(etag).toMatch(/^"[0-9a-f]{12}-[\w-]+"$/);
  expect(first.headers()["cache-control"]).toBe("public, no-cache");
  expect((await request.get("/api/events?city=beijing", { headers: { "If-None-Match": etag } })).status()).toBe(304);
  // Another view, or the same view in another format, is another answer.
  expect((await request.get("/api/events?city=shanghai")).headers()["etag"]).not.toBe(etag);
  expect((await request.get("/api/events?city=beijing&format=csv", { headers: { "If-None-Match": etag } })).status()).toBe(200);
});
