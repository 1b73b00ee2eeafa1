import type { Browser } from "@playwright/test";
import { wakeUntilLive } from "./wake";

/**
 * Drags the timeline of `url` back and forth in a real browser and times each drag step (pointer
 * move) to the map's answer (a change among its pins). Steps the map does not answer are skipped.
 */
export async function measureScrub(browser: Browser, url: string) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(300_000);
  await page.goto(url);
  await wakeUntilLive(page, 300_000);
  await page.waitForTimeout(1500); // the scrub index arrives after first paint

  await page.evaluate(() => {
    const w = window as unknown as Record<string, number[]>;
    w.moves = [];
    w.updates = [];
    w.ups = [];
    document.addEventListener("pointerup", (e) => w.ups.push(e.timeStamp), { capture: true });
    document.querySelector(".timeline-host")!.addEventListener("pointermove", (e) => w.moves.push(e.timeStamp), { capture: true });
    new MutationObserver(() => w.updates.push(performance.now())).observe(document.querySelector(".leaflet-marker-pane")!, {
      childList: true,
      subtree: true,
      attributes: true,
      characterData: true,
    });
  });

  const panel = (await page.locator(".timeline-host .vis-panel.vis-center").boundingBox())!;
  const y = panel.y + 12;
  for (const direction of [-1, 1, -1, 1]) {
    await page.mouse.move(panel.x + panel.width / 2, y);
    await page.mouse.down();
    for (let i = 1; i <= 40; i++) await page.mouse.move(panel.x + panel.width / 2 + direction * i * 12, y);
    await page.mouse.up();
    await page.waitForTimeout(600);
  }

  const { moves, updates, ups } = await page.evaluate(() => {
    const w = window as unknown as Record<string, number[]>;
    return { moves: w.moves, updates: w.updates, ups: w.ups };
  });
  await page.close();
  // Pair each map update with the latest pointer move before it; updates after a release (the URL
  // catching up) do not answer a drag step.
  const latencies: number[] = [];
  let lastMove = -1;
  for (const t of updates) {
    const move = moves.filter((m) => m <= t).at(-1);
    if (move === undefined || move === lastMove || ups.some((u) => u > move && u <= t)) continue;
    lastMove = move;
    latencies.push(t - move);
  }
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  return { median: q(0.5), p95: q(0.95), count: latencies.length, steps: moves.length };
}
