import type { Page } from "@playwright/test";

/**
 * Moves the mouse, as a visitor does, until the live map and timeline have drawn: the page opens on
 * previews and loads Leaflet and vis-timeline on the first gesture (components/dashboard/useFirstGesture.ts).
 */
export async function wakeUntilLive(page: Page, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (let i = 0; Date.now() < deadline; i++) {
    await page.mouse.move(1 + (i % 2), 1);
    const live = await page.evaluate(() =>
      Boolean(document.querySelector(".leaflet-marker-icon") && document.querySelector(".timeline-host .vis-item")),
    );
    if (live) return;
    await page.waitForTimeout(50);
  }
  throw new Error(`the map and timeline did not go live within ${timeoutMs} ms`);
}
