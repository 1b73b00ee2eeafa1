/**
 * A flood of unique URLs against a running server: `npm run bench:flood -- http://127.0.0.1:3000`.
 *
 * Each `/?q=<random>` is a page the cache has never seen, so each one asks for a render. The flood
 * must not starve what needs no render: this measures `/api/health` and a cached `/` (p50, p99) at
 * rest, then again during a flood of FLOOD_REQUESTS (default 2000) such pages at FLOOD_CONCURRENCY
 * (default 50) connections, and prints both, with the flood's own statuses (200 rendered, 429 over
 * the client's rate, 503 queue full; see server/render-gate.mjs) and rate.
 *
 * The whole flood comes from this machine, one client: `npm start`'s per-client limit answers most
 * of it with 429. To see the render slots and queue alone, either start the server with
 * RENDER_CLIENT_BURST=0, or start it with RENDER_TRUST_FORWARDED=1 and run this with
 * FLOOD_FORWARDED=1: each flood request then claims another client in X-Forwarded-For.
 * For the figures before the gate, run it against a server built from a commit without it.
 *
 * The flood runs in a worker thread, so its own work does not delay the measuring requests. Figures,
 * not a test: it prints what it measured. Only loopback addresses are accepted.
 */
import { Worker } from "node:worker_threads";

const base = new URL(process.argv[2] ?? "http://127.0.0.1:3000");
if (!["127.0.0.1", "localhost", "[::1]"].includes(base.hostname)) throw new Error("bench-flood only targets a server on this machine");
const REQUESTS = Number(process.env.FLOOD_REQUESTS ?? 2000);
const CONCURRENCY = Number(process.env.FLOOD_CONCURRENCY ?? 50);
const FORWARDED = process.env.FLOOD_FORWARDED === "1";
const AT_REST_SAMPLES = Number(process.env.SAMPLES ?? 100);
const GAP_MS = 20; // between two measuring requests, so the measuring adds no load of its own

const url = (path: string) => new URL(path, base).href;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;
const fmt = (n: number) => `${n.toFixed(0)} ms`;
const summary = (xs: number[]) => `p50 ${fmt(pct(xs, 50))}, p99 ${fmt(pct(xs, 99))}, max ${fmt(Math.max(...xs))} (${xs.length} requests)`;

/** One request read to its end: its status, time and `X-Page-Cache`. */
async function timed(path: string) {
  const t0 = performance.now();
  const response = await fetch(url(path)).catch(() => null);
  await response?.arrayBuffer().catch(() => null);
  return { status: response?.status ?? 0, ms: performance.now() - t0, cache: response?.headers.get("x-page-cache") ?? null };
}

/** Health and the cached page in turn, every GAP_MS, until `until` says stop. */
async function measure(until: (rounds: number) => boolean) {
  const health: number[] = [];
  const page: number[] = [];
  const pageNotHit: number[] = [];
  for (let round = 0; !until(round); round++) {
    health.push((await timed("/api/health")).ms);
    const cached = await timed("/");
    page.push(cached.ms);
    if (cached.status !== 200 || cached.cache !== "hit") pageNotHit.push(cached.status);
    await new Promise((resolve) => setTimeout(resolve, GAP_MS));
  }
  return { health, page, pageNotHit };
}

function report(label: string, { health, page, pageNotHit }: Awaited<ReturnType<typeof measure>>) {
  console.log(`${label}:`);
  console.log(`  /api/health   ${summary(health)}`);
  console.log(`  / (cached)    ${summary(page)}`);
  if (pageNotHit.length > 0)
    console.log(`  ${pageNotHit.length} answers to / were not a 200 cache hit (statuses ${[...new Set(pageNotHit)].join(", ")})`);
}

// The flood, in plain JS for the worker: CONCURRENCY loops taking the next of REQUESTS unique URLs.
const FLOOD = `
const { parentPort, workerData } = require("node:worker_threads");
const { base, requests, concurrency, forwarded } = workerData;
const statuses = {};
const times = [];
let started = 0;
const octet = () => Math.floor(Math.random() * 256);
async function loop() {
  while (started < requests) {
    started++;
    const q = Math.random().toString(36).slice(2) + Date.now().toString(36);
    const headers = forwarded ? { "x-forwarded-for": "10." + octet() + "." + octet() + "." + octet() } : {};
    const t0 = performance.now();
    const response = await fetch(new URL("/?q=" + q, base), { headers }).catch(() => null);
    await response?.arrayBuffer().catch(() => null);
    times.push(performance.now() - t0);
    const status = response ? response.status : "error";
    statuses[status] = (statuses[status] ?? 0) + 1;
  }
}
const t0 = performance.now();
Promise.all(Array.from({ length: concurrency }, loop)).then(() => parentPort.postMessage({ statuses, times, ms: performance.now() - t0 }));
`;

// Warm: the first request loads the dataset; the second `/` must come from the cache.
for (let i = 0; i < 3; i++) await timed("/");
const probe = await timed("/");
if (probe.status !== 200) throw new Error(`${probe.status} from /: is the server running at ${base.href}?`);
if (probe.cache !== "hit") console.log(`note: / is not served from the page cache (X-Page-Cache: ${probe.cache}); is this \`npm start\`?`);
console.log(
  `flood: ${REQUESTS} unique /?q=… at ${CONCURRENCY} connections${FORWARDED ? ", each claiming another client (X-Forwarded-For)" : ", one client"}`,
);

report("at rest", await measure((round) => round >= AT_REST_SAMPLES));

let flooding = true;
const worker = new Worker(FLOOD, {
  eval: true,
  workerData: { base: base.href, requests: REQUESTS, concurrency: CONCURRENCY, forwarded: FORWARDED },
});
const flood = new Promise<{ statuses: Record<string, number>; times: number[]; ms: number }>((resolve, reject) => {
  worker.once("message", resolve);
  worker.once("error", reject);
}).finally(() => {
  flooding = false;
});
const during = await measure(() => !flooding);
const result = await flood;
await worker.terminate();

report("during the flood", during);
const statuses = Object.entries(result.statuses)
  .map(([status, count]) => `${count} × ${status}`)
  .join(", ");
console.log(
  `the flood: ${statuses}; ${((REQUESTS / result.ms) * 1000).toFixed(0)} req/s over ${fmt(result.ms)}; its own latency ${summary(result.times)}`,
);
