// `npx tsx scripts/bench-playback.ts [baseURL] [seconds]`: monthly playback in headless Chromium against
// a running server (start it with EVENTS_DATA_DIR at a synthetic 10³ or 10⁵ dataset). Prints the frame
// interval (median, p95, from requestAnimationFrame), the longest main-thread task (PerformanceObserver
// "longtask"), the URL writes per second while playing, requests made while playing, and the live JS
// heap (after a full collection) at the start, every minute and at the end (looping for `seconds`).
// Prints figures; asserts nothing. Issue 18's targets: interval p95 ≤ 33 ms and median ≤ 20 ms, no
// task over 50 ms, a flat heap over five minutes (300 s), no request per frame.
import { chromium } from "@playwright/test";
import { wakeUntilLive } from "./wake";

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const seconds = Number(process.argv[3] ?? 60);
// Monthly frames at the fastest default pace; the player stops at the last frame and is started again.
const path = "/?play=1m&pace=250";

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: ["--no-sandbox"] });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
// tsx compiles the functions handed to page.evaluate with esbuild's name helper; the page has none.
await page.addInitScript("window.__name = (f) => f");
page.setDefaultTimeout(300_000);
await page.goto(base + path);
await wakeUntilLive(page, 300_000);
// The scrub index arrives after first paint: playback counts over it.
await page.waitForResponse((r) => r.url().includes("/api/scrub"), { timeout: 120_000 }).catch(() => undefined);

const requests: string[] = [];
page.on("request", (r) => requests.push(r.url()));

await page.evaluate(() => {
  // Names of our own: `window.frames` is the browser's.
  const w = window as unknown as {
    benchFrames: number[];
    benchTasks: [number, number][];
    benchUrlWrites: number[];
    benchPlaying: number[];
  };
  w.benchFrames = [];
  w.benchTasks = [];
  w.benchUrlWrites = [];
  // When the player's button turned to Pause (playing) or back to Play: the long tasks of starting and
  // of the paused frame's server view are told apart from those while frames play.
  w.benchPlaying = [];
  let playing = false;
  new MutationObserver(() => {
    const now = Boolean(document.querySelector(".player-toggle")?.textContent?.includes("Pause"));
    if (now !== playing) w.benchPlaying.push(performance.now());
    playing = now;
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
  const loop = (t: number) => {
    w.benchFrames.push(t);
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) w.benchTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: "longtask", buffered: false });
  // Every URL write goes through history.replaceState / pushState; a write of the address already
  // shown (a router saving its own state) changes no URL and is not counted.
  for (const method of ["replaceState", "pushState"] as const) {
    const original = history[method].bind(history);
    history[method] = (...args: Parameters<History["replaceState"]>) => {
      const to = args[2] == null ? location.href : new URL(String(args[2]), location.href).href;
      if (to !== location.href) w.benchUrlWrites.push(performance.now());
      return original(...args);
    };
  }
});

// The live heap after a full collection: without one, the figure is mostly garbage not yet collected.
const cdp = await page.context().newCDPSession(page);
// The collections' own pauses are the benchmark's, not the player's: their times are kept to leave them out.
const collections: [number, number][] = [];
const pageNow = () => page.evaluate(() => performance.now());
const heap = async () => {
  const from = await pageNow();
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  collections.push([from, await pageNow()]);
  return usedSize;
};
const play = page.getByRole("group", { name: "Playback" }).getByRole("button", { name: "Play", exact: true });
const heapStart = await heap();
// One reading a minute while it loops (a collection is a pause of its own: not more often).
const heapByMinute: number[] = [];
const t0 = Date.now();
while (Date.now() - t0 < seconds * 1000) {
  // Start again whenever it has stopped at the last frame.
  if (await play.isVisible()) await play.click();
  await page.waitForTimeout(1000);
  if (Date.now() - t0 >= (heapByMinute.length + 1) * 60_000) heapByMinute.push(await heap());
}
await page
  .getByRole("group", { name: "Playback" })
  .getByRole("button", { name: "Pause", exact: true })
  .click()
  .catch(() => undefined);
const {
  frames,
  tasks: allTasks,
  urlWrites,
  playingSwitches,
} = await page.evaluate(() => {
  const w = window as unknown as {
    benchFrames: number[];
    benchTasks: [number, number][];
    benchUrlWrites: number[];
    benchPlaying: number[];
  };
  return { frames: w.benchFrames, tasks: w.benchTasks, urlWrites: w.benchUrlWrites, playingSwitches: w.benchPlaying };
});
const byPlayer = (list: [number, number][]) => list.filter(([t, d]) => !collections.some(([a, b]) => t + d > a && t < b));
const heapEnd = await heap();
const tasks = byPlayer(allTasks);
await browser.close();

const intervals = frames
  .slice(1)
  .map((t, i) => t - frames[i])
  .sort((a, b) => a - b);
const q = (p: number) => intervals[Math.min(intervals.length - 1, Math.floor(p * intervals.length))] ?? NaN;
// The busiest second of URL writes: the player promises at most 4.
let busiest = 0;
for (const t of urlWrites) busiest = Math.max(busiest, urlWrites.filter((u) => u >= t && u < t + 1000).length);
const mb = (n: number) => `${(n / 2 ** 20).toFixed(1)} MB`;
const perFrame = requests.filter((u) => !u.includes("_rsc") && !u.includes("/_next/static"));
console.log(`${base}${path}: ${seconds} s of monthly playback, ${intervals.length} display frames`);
console.log(`frame interval: median ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms`);
// A task is "while playing" when it starts after the first frame has been shown (300 ms after the
// button turned to Pause) and before the button turned back: starting (the click's render) and the
// paused frame's server view (a page navigation) are reported apart.
const spans: [number, number][] = [];
for (let i = 0; i < playingSwitches.length; i += 2) spans.push([playingSwitches[i], playingSwitches[i + 1] ?? Infinity]);
const during = (t: number) => spans.some(([a, b]) => t > a + 300 && t < b);
const longest = (list: [number, number][]) => Math.max(0, ...list.map(([, d]) => d));
console.log(`longest main-thread task: ${longest(tasks).toFixed(0)} ms in all (${tasks.length} over 50 ms)`);
console.log(
  `  while frames play: ${longest(tasks.filter(([t]) => during(t))).toFixed(0)} ms (${tasks.filter(([t]) => during(t)).length} over 50 ms)`,
);
console.log(`  starting, pausing or the paused frame's view: ${longest(tasks.filter(([t]) => !during(t))).toFixed(0)} ms`);
console.log(`plays: ${spans.length}`);
console.log(`URL changes: ${urlWrites.length} in all, at most ${busiest} in one second`);
console.log(`requests while playing: ${requests.length} (${perFrame.length} besides page navigations on pause)`);
console.log(
  `JS heap after a full collection: ${mb(heapStart)} at the start, ${heapByMinute.map(mb).join(", ")} a minute apart, ${mb(heapEnd)} at the end`,
);
const kinds = new Map<string, number>();
for (const u of perFrame) kinds.set(new URL(u).pathname, (kinds.get(new URL(u).pathname) ?? 0) + 1);
console.log(`requested: ${[...kinds].map(([path, n]) => `${path} ×${n}`).join(", ")}`);
