/**
 * Preview images under load, against a running server: `npx tsx scripts/bench-og.ts http://127.0.0.1:3000`.
 *
 * 1. A burst of 200 concurrent /og requests (half distinct views, half one identical view) and,
 *    meanwhile, the latency of /api/events?city=beijing polled every 50 ms: previews must not starve
 *    the other routes.
 * 2. Steady load with autocannon on a small set of views: req/s and p99.
 *
 * Figures, not a test: it prints what it measured. Only loopback addresses are accepted.
 */
import autocannon from "autocannon";

const base = new URL(process.argv[2] ?? "http://127.0.0.1:3000");
if (!["127.0.0.1", "localhost", "[::1]"].includes(base.hostname)) throw new Error("bench-og only targets a server on this machine");
const BURST = Number(process.env.BURST ?? 200);
const DURATION = Number(process.env.DURATION ?? 10);
// Fresh distinct views per run, so a server's cache from an earlier run does not flatter it.
const run = Date.now().toString(36);

const ms = (t0: number) => performance.now() - t0;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;
const fmt = (n: number) => `${n.toFixed(0)} ms`;

async function timed(url: string): Promise<{ status: number; ms: number }> {
  const t0 = performance.now();
  const response = await fetch(url).catch(() => null);
  await response?.arrayBuffer().catch(() => null);
  return { status: response?.status ?? 0, ms: ms(t0) };
}

async function apiLatency(samples: number) {
  const out: number[] = [];
  for (let i = 0; i < samples; i++) out.push((await timed(new URL("/api/events?city=beijing", base).href)).ms);
  return out;
}

async function burst() {
  await timed(new URL("/og", base).href); // warm the route (first compile, dataset load)
  const idle = await apiLatency(10);
  const urls = Array.from(
    { length: BURST },
    (_, i) => new URL(i % 2 === 0 ? `/og?q=bench-${run}-${i}` : `/og?city=shanghai&from=2023&q=same-${run}`, base).href,
  );
  const during: number[] = [];
  let done = false;
  const poller = (async () => {
    while (!done) {
      during.push((await timed(new URL("/api/events?city=beijing", base).href)).ms);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const t0 = performance.now();
  const results = await Promise.all(urls.map(timed));
  const total = ms(t0);
  done = true;
  await poller;
  const counts = new Map<number, number>();
  for (const r of results) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  const statuses = [...counts].map(([status, n]) => `${status}×${n}`);
  console.log(
    `burst of ${BURST} /og (half distinct, half identical): ${fmt(total)} in all; statuses ${statuses.join(", ")}; per request p50 ${fmt(
      pct(
        results.map((r) => r.ms),
        50,
      ),
    )}, p99 ${fmt(
      pct(
        results.map((r) => r.ms),
        99,
      ),
    )}`,
  );
  console.log(
    `/api/events?city=beijing idle: p50 ${fmt(pct(idle, 50))}; during the burst (${during.length} calls): p50 ${fmt(pct(during, 50))}, p90 ${fmt(pct(during, 90))}, max ${fmt(Math.max(...during))}; first 5: ${during.slice(0, 5).map(fmt).join(", ")}`,
  );
}

async function steady() {
  const views = [
    "",
    "?city=shanghai",
    "?city=beijing&from=2020",
    "?category=conference",
    "?q=ICHEI",
    "?country=cn&from=2015&to=2019",
    "?org=unesco",
    "?from=2025",
  ];
  const result = await autocannon({
    url: base.href.replace(/\/$/, ""),
    connections: 10,
    duration: DURATION,
    requests: views.map((v) => ({ method: "GET", path: `/og${v}` })),
  });
  console.log(
    `autocannon /og, 10 connections, ${DURATION} s over ${views.length} views: ${result.requests.average.toFixed(1)} req/s, latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}`,
  );
}

await burst();
await steady();
