import { expect, test } from "./fixtures";

// Issue 20: the meeting of 2 Jul 2023 ("on Sunday", in a report dated Monday 3 July 2023) was said to have its year inferred.
const MEETING = "2023-07-02-chen-jining-meets-giannini";

test("an inferred date names the part inferred: the day of the 2023 meeting, the year of a 2025-list item", async ({ page }) => {
  await page.goto(`/?event=${MEETING}`);
  const detail = page.getByTestId("event-detail");
  await expect(detail).toContainText("2 Jul 2023 — day inferred from the document's context, not stated with the date");
  await expect(detail).not.toContainText("year inferred");

  await page.goto("/?event=2025-10-21-international-exchange-professionals");
  await expect(detail).toContainText("year inferred from the document's context");

  await page.goto(`/?event=${MEETING}&lang=zh`);
  await expect(detail).toContainText("具体哪一天系根据文件上下文推断，未与日期一同写明");
});
