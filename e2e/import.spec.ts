import path from "node:path";
import { seriousViolations } from "./axe";
import { events, expect, test } from "./fixtures";

// The page /import checks a file in the browser's Web Worker (lib/import/worker.ts); nothing is uploaded.

test("a file with a bad date: the problem names its row and column, and the file is refused", async ({ page }) => {
  await page.goto("/import");
  await expect(page.getByRole("heading", { level: 1, name: "Import a spreadsheet" })).toBeVisible();
  await page.getByTestId("import-file").setInputFiles(path.join("lib", "import", "corpus", "bad-dates.csv"));

  await expect(page.getByTestId("import-verdict")).toContainText("bad-dates.csv cannot be imported");
  // The verdict takes the focus, so a keyboard or screen-reader user lands on the result.
  await expect(page.getByTestId("import-verdict")).toBeFocused();
  const first = page.getByTestId("import-problem").first();
  await expect(first.getByTestId("import-problem-row")).toHaveText("2");
  await expect(first.getByTestId("import-problem-column")).toContainText("B");
  await expect(first.getByTestId("import-problem-column")).toContainText("start");
  await expect(first).toContainText("May 2015");
  await expect(first).toContainText("bad-date");
  await expect(page.getByTestId("import-problems-csv")).toBeVisible();

  // Filtering by severity: these are all errors, so "warning" leaves none.
  await page.getByTestId("import-filter-severity").selectOption("warning");
  await expect(page.getByTestId("import-problem")).toHaveCount(0);
  await page.getByTestId("import-filter-severity").selectOption("error");
  await expect(page.getByTestId("import-problem").first()).toBeVisible();

  expect(await seriousViolations(page)).toEqual([]);
});

test("the bundled data's CSV export imports clean: its events counted, nothing refused", async ({ page, request }) => {
  const csv = await (await request.get("/api/events?format=csv")).body();
  await page.goto("/import");
  await page.getByTestId("import-file").setInputFiles({ name: "events.csv", mimeType: "text/csv", buffer: csv });

  await expect(page.getByTestId("import-verdict")).toContainText("events.csv can be imported");
  await expect(page.getByTestId("import-events")).toHaveText(String(events.length));
  await expect(page.getByTestId("import-errors")).toHaveText("0");
  await expect(page.getByTestId("import-encoding")).toHaveText("UTF-8 with BOM");
  await expect(page.getByTestId("import-years")).toBeVisible();
  await expect(page.getByRole("link", { name: "Download events.json" })).toBeVisible();

  // The places on a small map (loaded on demand): an image with a title, the same places as a list,
  // and the events without a place counted.
  await expect(page.getByRole("img", { name: /^Map of the imported places/ })).toBeVisible();
  await expect(page.getByTestId("import-map-unplaced")).toContainText(`: ${events.filter((e) => !e.place).length}.`);
  await page.getByText("The places on the map, as a list").click();
  await expect(page.getByTestId("import-map-list").getByRole("listitem")).toHaveCount(
    new Set(events.map((e) => e.place).filter(Boolean)).size,
  );

  expect(await seriousViolations(page)).toEqual([]);
});

test("in Chinese, the problems are told in Chinese", async ({ page }) => {
  await page.goto("/import?lang=zh");
  await page.getByTestId("import-file").setInputFiles(path.join("lib", "import", "corpus", "bad-dates.csv"));
  await expect(page.getByTestId("import-problem").first()).toContainText("无法识别的日期");
});
