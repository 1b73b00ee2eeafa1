// `npx tsx scripts/bench-scrub.mts [baseURL] [path]`: time from a timeline drag step to the map's update,
// in headless Chromium against a running server. Prints figures; asserts nothing.
import { chromium } from "@playwright/test";

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const path = process.argv[3] ?? "/?from=2019-01-01&to=2020-12-31";
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: ["--no-sandbox"] });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
page.setDefaultTimeout(300_000);
const navigated = Date.now();
await page.goto(base + path);
await page.locator(".leaflet-marker-icon").first().waitFor();
await page.locator(".timeline-host .vis-item").first().waitFor();
const firstItemMs = Date.now() - navigated;
await page.waitForTimeout(1000);

// In the page: stamp each pointer move on the timeline, and each change to the map's pins or the count.
await page.evaluate(() => {
  const w = window as unknown as { moves: number[]; updates: number[] };
  w.moves = [];
  w.updates = [];
  (w as unknown as { ups: number[] }).ups = [];
  document.addEventListener("pointerup", (e) => (w as unknown as { ups: number[] }).ups.push(e.timeStamp), { capture: true });
  document.querySelector(".timeline-host")!.addEventListener("pointermove", (e) => w.moves.push(e.timeStamp), { capture: true });
  const observer = new MutationObserver(() => w.updates.push(performance.now()));
  observer.observe(document.querySelector(".leaflet-marker-pane")!, { childList: true, subtree: true, attributes: true });
});

const panel = (await page.locator(".timeline-host .vis-panel.vis-center").boundingBox())!;
const y = panel.y + 12;
for (const direction of [-1, 1, -1, 1]) {
  await page.mouse.move(panel.x + panel.width / 2, y);
  await page.mouse.down();
  for (let i = 1; i <= 40; i++) await page.mouse.move(panel.x + panel.width / 2 + direction * i * 12, y);
  await page.mouse.up();
  await page.waitForTimeout(300);
}

const { moves, updates, ups } = await page.evaluate(() => {
  const w = window as unknown as { moves: number[]; updates: number[] };
  return { moves: w.moves, updates: w.updates, ups: (w as unknown as { ups: number[] }).ups };
});
// Pair each map update with the latest pointer move before it; skip updates already answered.
const latencies: number[] = [];
let lastMove = -1;
for (const t of updates) {
  const move = moves.filter((m) => m <= t).at(-1);
  // Updates after the gesture ended (the URL catching up) are not answers to a drag step.
  if (move === undefined || move === lastMove || ups.some((u) => u > move && u <= t)) continue;
  lastMove = move;
  latencies.push(t - move);
}
console.log("raw:", latencies.map((l) => l.toFixed(0)).join(" "));
latencies.sort((a, b) => a - b);
const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]?.toFixed(1);
const events = await page.getByTestId("match-count").textContent();
console.log(`${base}${path} (${events}): ${moves.length} drag steps, ${latencies.length} map updates`);
console.log(`navigation → first timeline item: ${firstItemMs} ms`);
console.log(`gesture → map update: median ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${q(1)} ms`);
await browser.close();
