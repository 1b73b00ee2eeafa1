import { expect, test } from "@playwright/test";
import { brokenDataURL } from "./ports";

test("a dataset with mistakes is refused with a page naming file, record and field — never half a dashboard", async ({ page }) => {
  const response = await page.goto(brokenDataURL + "/?city=shanghai");
  expect(response?.status(), "the page says the service is unavailable, not OK").toBe(503);
  await expect(page.getByRole("heading", { name: "The dataset could not be loaded" })).toBeVisible();
  const problems = page.locator(".problems li");
  await expect(problems).toHaveCount(2);
  await expect(page.locator(".problems")).toContainText('events.json › 2015-05-funds-in-trust-agreement › place: unknown place "atlantis"');
  await expect(page.locator(".problems")).toContainText(
    "events.json › 2015-11-13-ichei-approved-general-conference › start: must be YYYY, YYYY-MM or YYYY-MM-DD",
  );
  await expect(page.getByTestId("event-list")).toHaveCount(0);
  await expect(page.locator(".leaflet-container")).toHaveCount(0);
});

test("the API answers 503 with the same problems for a broken dataset", async ({ request }) => {
  const response = await request.get(brokenDataURL + "/api/events");
  expect(response.status()).toBe(503);
  const body = await response.json();
  expect(body.problems).toHaveLength(2);
  expect(body.problems).toContainEqual(expect.stringMatching(/^events\.json › 2015-05-funds-in-trust-agreement › place: /));
});

test("neither the error page nor the API's 503 shows where the data lives on the server", async ({ request }) => {
  for (const url of [brokenDataURL + "/", brokenDataURL + "/api/events"]) {
    const body = await (await request.get(url)).text();
    expect(body, url).toContain("events.json › 2015-05-funds-in-trust-agreement › place");
    expect(body, url).not.toContain(process.cwd());
    expect(body, url).not.toContain("e2e/broken-data");
  }
});
