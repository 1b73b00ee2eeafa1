// `npm run bench:page [sizes…]`: serves synthetic datasets of 10³, 10⁴ and 10⁵ events (after `npm run build`)
// and prints, per size, what a visitor gets: time to interactive, HTML bytes, TTFB, JS loaded, scrub
// latency and the server's memory. Prints figures; asserts nothing.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Browser } from "@playwright/test";
import { syntheticDataset } from "./synthetic-data";
import { measureScrub } from "./scrub-measure";
import { wakeUntilLive } from "./wake";

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const SIZES = sizes.length > 0 ? sizes : [1_000, 10_000, 100_000];
const PORT = Number(process.env.BENCH_PORT ?? 3900);
const BASE = `http://127.0.0.1:${PORT}`;
const FILTERED = "/?from=2019-01-01&to=2020-12-31&category=conference";

function writeDataset(count: number): string {
  const dir = path.join(os.tmpdir(), `bench-events-${count}`);
  mkdirSync(dir, { recursive: true });
  for (const [name, value] of Object.entries(syntheticDataset(count))) {
    if (Array.isArray(value)) writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(value));
  }
  return dir;
}

async function startServer(dataDir: string): Promise<ChildProcess> {
  const server = spawn("npx", ["next", "start", "-p", String(PORT), "-H", "127.0.0.1"], {
    env: { ...process.env, EVENTS_DATA_DIR: dataDir },
    detached: true, // its own process group, so next-server goes down with it
    stdio: "ignore",
  });
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${BASE}/api/events?city=beijing`)).ok) return server;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("server did not start");
}

const stop = (server: ChildProcess) => {
  try {
    process.kill(-server.pid!, "SIGKILL");
  } catch {}
};

/** Resident memory of the server's process group (npx → next → next-server), in MB. */
function rssMb(server: ChildProcess): number {
  const out = readFileSync(`/proc/${server.pid}/task/${server.pid}/children`, "utf8");
  const pids = [server.pid!, ...out.split(/\s+/).filter(Boolean).map(Number)];
  for (let i = 1; i < pids.length; i++) {
    try {
      pids.push(...readFileSync(`/proc/${pids[i]}/task/${pids[i]}/children`, "utf8").split(/\s+/).filter(Boolean).map(Number));
    } catch {}
  }
  let kb = 0;
  for (const pid of new Set(pids)) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    } catch {}
  }
  return Math.round(kb / 1024);
}

async function html(pathname: string) {
  const started = performance.now();
  const response = await fetch(BASE + pathname);
  const reader = response.body!.getReader();
  const first = await reader.read();
  const ttfb = performance.now() - started;
  const chunks: Uint8Array[] = [first.value!];
  for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
  const body = Buffer.concat(chunks);
  return { ttfb, raw: body.length, gz: gzipSync(body).length };
}

/**
 * Navigation → timeline items and map pins on screen, as the previews draw them; and → the live map
 * and timeline drawn, for a visitor whose mouse moves from the start. Every script loaded, gzipped.
 */
async function visit(browser: Browser, pathname: string) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const scripts: Promise<number>[] = [];
  page.on("response", (r) => {
    if (r.request().resourceType() === "script")
      scripts.push(
        r.body().then(
          (b) => gzipSync(b).length,
          () => 0,
        ),
      );
  });
  // The page's own clock: from navigation start until pins and timeline items are in the DOM.
  await page.addInitScript(() => {
    const w = window as unknown as { shown?: number; live?: number };
    const observer = new MutationObserver(() => {
      const now = performance.now();
      const items = document.querySelector(".timeline-host .vis-item, .tl-preview__item");
      if (w.shown === undefined && items && document.querySelector(".map-preview__pin, .leaflet-marker-icon")) w.shown = now;
      if (document.querySelector(".leaflet-marker-icon") && document.querySelector(".timeline-host .vis-item")) {
        w.live = now;
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  const started = Date.now();
  await page.goto(BASE + pathname, { waitUntil: "commit" });
  await wakeUntilLive(page);
  const wall = Date.now() - started;
  const { shown, live } = await page.evaluate(() => {
    const w = window as unknown as { shown: number; live: number };
    return { shown: w.shown, live: w.live };
  });
  const tti = { shown: Math.round(shown), live: Math.round(live) };
  await page.waitForTimeout(1500);
  const jsGz = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
  await page.close();
  return { tti, wall, jsGz };
}

const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
const rows: string[][] = [];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
for (const size of SIZES) {
  const server = await startServer(writeDataset(size));
  try {
    await html("/"); // warm: the first request loads and indexes the dataset
    await html(FILTERED);
    const plain = await html("/");
    const filtered = await html(FILTERED);
    await fetch(`${BASE}/api/events?from=2020&to=2020`).then((r) => r.arrayBuffer());
    const cold = await visit(browser, "/"); // first browser visit fills caches (scripts, scrub index)
    const warm = await visit(browser, "/");
    const scrub = await measureScrub(browser, BASE + "/?from=2019-01-01&to=2020-12-31");
    rows.push([
      size.toLocaleString("en"),
      `${cold.tti.shown} / ${warm.tti.shown} ms`,
      `${cold.tti.live} / ${warm.tti.live} ms`,
      `${cold.wall} / ${warm.wall} ms`,
      `${kib(plain.raw)} / ${kib(plain.gz)}`,
      `${kib(filtered.gz)}`,
      `${plain.ttfb.toFixed(0)} / ${filtered.ttfb.toFixed(0)} ms`,
      kib(warm.jsGz),
      `${scrub.median.toFixed(1)} / ${scrub.p95.toFixed(1)} ms (${scrub.count})`,
      `${rssMb(server)} MB`,
    ]);
    console.error(`done: ${size}`);
  } finally {
    stop(server);
  }
}
await browser.close();

const head = [
  "events",
  "pins + items shown, page clock (cold / warm)",
  "live map + timeline, mouse moving from the start",
  "live, wall clock from goto()",
  "HTML raw / gz",
  "filtered HTML gz",
  "TTFB / filtered",
  "JS loaded gz",
  "scrub median / p95",
  "server RSS",
];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
console.log(`${os.cpus()[0].model}, ${os.cpus().length} cores, Node ${process.version}`);
console.log(line(head));
console.log(line(widths.map((w) => "-".repeat(w))));
for (const row of rows) console.log(line(row));
