import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect, test, wake } from "./fixtures";

/*
 * Issue 18, playback: a link with `play` opens paused on its frame with the player shown; playing
 * moves whole-period frames through the URL in place (no history entry per frame); a gesture on
 * the map pauses; the keys work while the player has focus.
 */
const player = (page: Page) => page.getByRole("group", { name: "Playback" });
const frameOf = (page: Page) => player(page).locator(".player-frame");
const window = (page: Page) => {
  const url = new URL(page.url());
  return `${url.searchParams.get("from")}/${url.searchParams.get("to")}`;
};

/** The live views are up (the fixture wakes them on every navigation), settled, with the player shown. A
 * frame may hold only unmapped events, so no pin is waited for. */
async function ready(page: Page) {
  await expect(page.locator(".dashboard")).toHaveAttribute("aria-busy", "false");
  await expect(player(page)).toBeVisible();
}

test("a link with play opens paused on its frame, the player shown", async ({ page }) => {
  await page.goto("/?from=2019&to=2019&play=1y");
  await ready(page);
  await expect(frameOf(page)).toHaveAttribute("data-frame", "2019/2019");
  // Never starts by itself: the button offers to play.
  await expect(player(page).getByRole("button", { name: "Play", exact: true })).toBeVisible();
  await expect(player(page).getByRole("button", { name: "Pause", exact: true })).toHaveCount(0);
  expect(window(page)).toBe("2019/2019");
  await expect(player(page).getByLabel("Step")).toHaveValue("1y");
});

test("play moves frame by frame through the URL in place; pause leaves the frame's view", async ({ page }) => {
  await page.goto("/?from=2014&to=2014&play=1y&pace=250");
  await ready(page);
  const entries = await page.evaluate(() => history.length);
  await player(page).getByRole("button", { name: "Play", exact: true }).click();
  await expect(player(page).getByRole("button", { name: "Pause", exact: true })).toBeVisible();
  // Whole years, written in place as they play.
  await expect.poll(() => window(page)).toMatch(/^(2016|2017|2018|2019|202\d)\/\1$/);
  expect(await page.evaluate(() => history.length), "frames replace the URL, they add no history").toBe(entries);
  await player(page).getByRole("button", { name: "Pause", exact: true }).click();
  await expect(player(page).getByRole("button", { name: "Play", exact: true })).toBeVisible();
  // The paused frame is the URL's, and the server's view of it is what the page shows.
  const paused = await frameOf(page).getAttribute("data-frame");
  await expect.poll(() => window(page)).toBe(paused);
  await expect(page.locator(".dashboard")).toHaveAttribute("aria-busy", "false");
  const count = await page.getByTestId("match-count").textContent();
  await page.reload();
  await ready(page);
  await expect(page.getByTestId("match-count")).toHaveText(count ?? "");
  await expect(frameOf(page)).toHaveAttribute("data-frame", paused ?? "");
});

test("a drag on the map pauses playback", async ({ page }) => {
  await page.goto("/?from=2014&to=2014&play=1y&pace=250");
  await ready(page);
  await player(page).getByRole("button", { name: "Play", exact: true }).click();
  await expect.poll(() => window(page)).not.toBe("2014/2014");
  const box = (await page.locator(".map-panel").boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5, { steps: 5 });
  await page.mouse.up();
  await expect(player(page).getByRole("button", { name: "Play", exact: true })).toBeVisible();
  // Paused for good: the frame the URL settles on stays.
  const paused = await frameOf(page).getAttribute("data-frame");
  await expect.poll(() => window(page)).toBe(paused);
  await expect(page.locator(".dashboard")).toHaveAttribute("aria-busy", "false");
  await expect(frameOf(page)).toHaveAttribute("data-frame", paused ?? "");
});

test("the keys work while the player has focus: Space, arrows, Home and End", async ({ page }) => {
  await page.goto("/?from=2019&to=2019&play=1y");
  await ready(page);
  await player(page).getByRole("button", { name: "Play", exact: true }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(frameOf(page)).toHaveAttribute("data-frame", "2020/2020");
  await expect.poll(() => window(page)).toBe("2020/2020");
  await page.keyboard.press("ArrowLeft");
  await expect(frameOf(page)).toHaveAttribute("data-frame", "2019/2019");
  await page.keyboard.press("Home");
  await expect(frameOf(page)).toHaveAttribute("data-frame", "2014/2014");
  await page.keyboard.press("End");
  await expect(frameOf(page)).toHaveAttribute("data-frame", "2025/2025");
  await page.keyboard.press("Home");
  await expect(frameOf(page)).toHaveAttribute("data-frame", "2014/2014");
  await player(page).getByRole("button", { name: "Play", exact: true }).focus();
  await page.keyboard.press(" ");
  await expect(player(page).getByRole("button", { name: "Pause", exact: true })).toBeVisible();
  await page.keyboard.press(" ");
  await expect(player(page).getByRole("button", { name: "Play", exact: true })).toBeVisible();
});

test("Play on a view without a player starts one", async ({ page }) => {
  await page.goto("/");
  await ready(page);
  await player(page).getByRole("button", { name: "Play through time" }).click();
  await expect(player(page).getByRole("button", { name: "Pause", exact: true })).toBeVisible();
  await expect.poll(() => new URL(page.url()).searchParams.get("play")).toBe("1y");
});

test.describe("autoplay in an embed", () => {
  // Nothing wakes the page for these: autoplay must wake the live views itself.
  test.use({ wakeOnNavigation: false });

  test("autoplay=1 plays as the embed opens, leaves its URL, and a gesture pauses it", async ({ page }) => {
    await page.goto("/embed?from=2014&to=2014&play=1y&pace=250&autoplay=1");
    await expect(player(page).getByRole("button", { name: "Pause", exact: true })).toBeVisible();
    await expect.poll(() => window(page)).not.toBe("2014/2014");
    expect(new URL(page.url()).searchParams.has("autoplay"), "a reload of the paused frame stays paused").toBe(false);
    await page.locator(".map-view").first().click();
    await expect(player(page).getByRole("button", { name: "Play", exact: true })).toBeVisible();
  });

  test("the dashboard never autoplays, nor an embed for a reader who asks for reduced motion", async ({ page }) => {
    await page.goto("/?from=2014&to=2014&play=1y&autoplay=1");
    await wake(page);
    await expect(page.locator(".dashboard")).toHaveAttribute("aria-busy", "false");
    await expect(player(page).getByRole("button", { name: "Play", exact: true })).toBeVisible();
    expect(window(page)).toBe("2014/2014");

    await page.emulateMedia({ reducedMotion: "reduce" });
    await page.goto("/embed?from=2014&to=2014&play=1y&autoplay=1");
    await expect(player(page).getByRole("button", { name: "Play", exact: true })).toBeVisible();
    await expect(frameOf(page)).toHaveAttribute("data-frame", "2014/2014");
    expect(window(page)).toBe("2014/2014");
  });
});

test("the player offers the playback as a GIF and a video the server draws", async ({ page }) => {
  await page.goto("/?city=shanghai&from=2019&to=2019&play=1y&pace=500");
  await ready(page);
  for (const { name, format, magic } of [
    { name: "Download as GIF", format: "gif", magic: "GIF89a" },
    // A WebM file opens with the EBML header's id, 1A 45 DF A3.
    { name: "Video (WebM)", format: "webm", magic: "\x1a\x45\xdf\xa3" },
  ]) {
    const link = player(page).getByRole("link", { name });
    // The playback's parameters, not the frame shown: one file per playback.
    await expect(link).toHaveAttribute("href", `/og/playback.${format}?city=shanghai&play=1y&pace=500`);
    // A click saves the file, named for the view and playback, as a reader's browser would.
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toBe(`china-unesco-education-events-city-shanghai_playback-1y.${format}`);
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(0, magic.length).toString("latin1")).toBe(magic);
  }
});
