// `npx tsx scripts/bench-load.ts [baseURL]`: requests per second and latency under 50 connections for
// the page, a filtered page and the JSON API, against a running server (`npm start`). Prints figures.
import autocannon from "autocannon";

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const targets = [
  ["/", "/"],
  ["filtered /", "/?city=shanghai&from=2023&to=2025"],
  ["API", "/api/events?city=beijing"],
] as const;

const results: { name: string; rps: number; p50: number; p99: number; errors: number }[] = [];
for (const [name, path] of targets) {
  await autocannon({ url: base + path, connections: 50, duration: 5 }); // warm-up
  const r = await autocannon({ url: base + path, connections: 50, duration: 15 });
  results.push({ name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx });
}
const api = results.find((r) => r.name === "API")!.rps;
console.log("| route | req/s | p50 | p99 | errors | ratio to API |");
console.log("|---|---|---|---|---|---|");
for (const r of results) {
  console.log(`| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} ms | ${r.p99} ms | ${r.errors} | ${(r.rps / api).toFixed(2)} |`);
}
