// `DATABASE_URL=… npm run bench:db -- <events> [--plans <file.md>] [--samples <n>] [--keep] [--reuse <key>]`: the
// PostgreSQL store at a size (issue 16). Writes a synthetic data folder of <events> events
// (scripts/synthetic-data.ts), loads it with `db:load` into a fresh dataset key of DATABASE_URL, and
// prints: the load's wall time; each view query's p50/p95 (count, page, pins, facets, timeline)
// asked of the store directly, for the whole dataset, a filtered view and a search; then, serving it
// with `node server.mjs` (after `npm run build`; its page cache off, so every page is rendered),
// `/` and a filtered `/` TTFB p50/p95, the API's list page (`/api/rows`, the API's paged answer)
// p50/p95, and the server's RSS. With --plans, every statement those queries sent is written with its
// `EXPLAIN (ANALYZE, BUFFERS)` to a markdown file. The dataset is deleted at the end unless --keep.
// Prints figures; asserts nothing.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { once } from "node:events";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { register } from "node:module";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { parseQuery } from "../lib/query/parse";
import { EMPTY_QUERY, type Query } from "../lib/query/query";
import { LIST_PAGE } from "../lib/timeline/live-view";
import { writeSyntheticFolder } from "./synthetic-data";

// The store is server code: outside Next's bundles "server-only" resolves to its throwing build, and
// the react-server condition breaks next-intl in plain Node. Take its empty build, as vitest does
// (and scripts/bench-import.ts).
const emptyServerOnly = pathToFileURL(path.resolve("node_modules/server-only/empty.js")).href;
register(
  "data:text/javascript," +
    encodeURIComponent(
      `export async function resolve(specifier, context, next) { return specifier === "server-only" ? { url: ${JSON.stringify(emptyServerOnly)}, shortCircuit: true } : next(specifier, context); }`,
    ),
);
const { pgStore } = await import("../lib/data/pg/pg-store");

const USAGE = "Usage: DATABASE_URL=postgres://… npm run bench:db -- <events> [--plans <file.md>] [--samples <n>] [--keep] [--reuse <key>]";
const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    plans: { type: "string" },
    samples: { type: "string" },
    keep: { type: "boolean" },
    port: { type: "string" },
    // A dataset a kept run loaded (--keep): measured again without loading it again.
    reuse: { type: "string" },
  },
});
const url = process.env.DATABASE_URL;
const events = Number(positionals[0]);
if (!url || !Number.isInteger(events) || events <= 0) {
  console.error(!url ? `DATABASE_URL is not set.\n${USAGE}` : USAGE);
  process.exit(2);
}
const SAMPLES = Number(options.samples ?? 20);
const PORT = Number(options.port ?? process.env.BENCH_PORT ?? 3910);
const BASE = `http://127.0.0.1:${PORT}`;
const FILTERED = "from=2019-01-01&to=2020-12-31&category=conference";
const key = options.reuse ?? `bench-${events}-${Date.now()}`;

/** The synthetic folder (events.json streamed: 10⁷ events are ~3.5 GB of JSON). */
async function writeFolder(count: number): Promise<string> {
  const dir = path.join(os.tmpdir(), `bench-db-${count}`);
  await writeSyntheticFolder(count, dir);
  return dir;
}

/** `npm run db:load`'s script, run by node itself (tsx as a loader), timed from spawn to exit. */
async function load(dir: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/db-load.ts", dir], {
    env: { ...process.env, DATASET_KEY: key },
    stdio: "inherit",
  });
  const [code] = await once(child, "exit");
  if (code !== 0) throw new Error(`db:load exited with ${code}`);
  return (performance.now() - started) / 1000;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const ms = (values: number[]) => `${percentile(values, 50).toFixed(0)} / ${percentile(values, 95).toFixed(0)} ms`;

/** The pool, recording the statements sent while `recording` is set: what EXPLAIN is run on. */
function recordingPool(pool: pg.Pool) {
  const state = { recording: null as { sql: string; values: unknown[] }[] | null };
  const proxy = new Proxy(pool, {
    get(target, property) {
      if (property === "query")
        return (sql: string, values: unknown[]) => {
          if (state.recording && typeof sql === "string") state.recording.push({ sql, values });
          return target.query(sql, values);
        };
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { pool: proxy, state };
}

async function storeQueries(pool: pg.Pool) {
  const recorder = recordingPool(pool);
  const store = pgStore({ pool: recorder.pool, dataset: key });
  const snapshot = await store.snapshot();
  const views: [string, Query][] = [
    ["all", EMPTY_QUERY],
    ["filtered", parseQuery(new URLSearchParams(FILTERED), snapshot.vocabulary).query],
    ["search", { ...EMPTY_QUERY, q: "teacher education" }],
  ];
  const ops: Record<string, (q: Query) => Promise<unknown>> = {
    count: (q) => snapshot.count(q),
    page: (q) => snapshot.rows(q, { lang: q.lang, limit: LIST_PAGE }),
    pins: (q) => snapshot.pins(q),
    facets: (q) => snapshot.facets(q),
    timeline: (q) => snapshot.timeline(q),
  };
  /** Per query, per view, and for all views together (`together`). */
  const timings: Record<string, Record<string, number[]>> = {};
  const statements: { op: string; view: string; sql: string; values: unknown[] }[] = [];
  for (const [view, q] of views) {
    for (const [op, run] of Object.entries(ops)) {
      recorder.state.recording = [];
      await run(q); // warm (the version's word lists for a search), and what EXPLAIN runs
      statements.push(...recorder.state.recording.map((s) => ({ op, view, ...s })));
      recorder.state.recording = null;
      for (let i = 0; i < SAMPLES; i++) {
        const started = performance.now();
        await run(q);
        const took = performance.now() - started;
        for (const group of [view, "together"]) ((timings[op] ??= {})[group] ??= []).push(took);
      }
    }
  }
  return { timings, statements };
}

async function writePlans(file: string, pool: pg.Pool, statements: { op: string; view: string; sql: string; values: unknown[] }[]) {
  const version = (await pool.query<{ server_version: string }>("SHOW server_version")).rows[0].server_version;
  let text = `# bench:db query plans: ${events.toLocaleString("en")} events\n\n`;
  text += `PostgreSQL ${version}, ${os.cpus()[0]?.model ?? "?"} × ${os.cpus().length}, dataset key \`${key}\`, ${new Date().toISOString()}.\n`;
  text += `Views: all (no filter); filtered (\`${FILTERED}\`); search (\`q=teacher education\`). Each statement the store sent, with its parameters.\n`;
  for (const { op, view, sql, values } of statements) {
    const { rows } = await pool.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, values);
    text += `\n## ${op} — ${view}\n\n\`\`\`sql\n${sql.trim()}\n\`\`\`\n\nParameters: \`${JSON.stringify(values)}\`\n\n\`\`\`\n${rows.map((r) => r["QUERY PLAN"]).join("\n")}\n\`\`\`\n`;
  }
  writeFileSync(file, text);
}

async function startServer(): Promise<ChildProcess> {
  const server = spawn(process.execPath, ["server.mjs", "-p", String(PORT), "-H", "127.0.0.1"], {
    // No page cache (every page is rendered) and no per-client render limit (one client asks all).
    env: { ...process.env, DATASET_KEY: key, PAGE_CACHE_MB: "0", RENDER_CLIENT_BURST: "0" },
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return server;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("server.mjs did not answer /api/health with 200 within 2 minutes");
}

/** Time to the first byte of the body, then the rest read (so the connection is free for the next). */
async function ttfb(pathname: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(BASE + pathname);
  const reader = response.body!.getReader();
  await reader.read();
  const first = performance.now() - started;
  while (!(await reader.read()).done);
  if (!response.ok) throw new Error(`${pathname}: ${response.status}`);
  return first;
}

/** Resident memory of the server's process tree, now and at its peak, in MB. */
function rss(pid: number): { now: number; peak: number } {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    try {
      pids.push(...readFileSync(`/proc/${pids[i]}/task/${pids[i]}/children`, "utf8").split(/\s+/).filter(Boolean).map(Number));
    } catch {}
  }
  let now = 0;
  let peak = 0;
  for (const p of pids) {
    try {
      const status = readFileSync(`/proc/${p}/status`, "utf8");
      now += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      peak += Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {}
  }
  return { now: Math.round(now / 1024), peak: Math.round(peak / 1024) };
}

async function serverFigures() {
  const server = await startServer();
  try {
    const pages: Record<string, string> = { "/": "/?", "filtered /": `/?${FILTERED}&` };
    const api: Record<string, string> = { "/api/rows": "/api/rows?", "filtered /api/rows": `/api/rows?${FILTERED}&` };
    const timings: Record<string, number[]> = {};
    // `bench` is a parameter the page ignores: each URL is new, should any cache stand in front.
    for (const [name, prefix] of Object.entries({ ...pages, ...api })) {
      await ttfb(`${prefix}bench=warm`);
      for (let i = 0; i < SAMPLES; i++) (timings[name] ??= []).push(await ttfb(`${prefix}bench=${i}`));
    }
    return { timings, rss: rss(server.pid!) };
  } finally {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {}
  }
}

// Without the app's timeouts (lib/data/pg/pg-store.ts pgPool: 3.5 s a statement, 4 s a query): a query
// slower than those is measured, not cut off (the app would answer it 503).
const pool = new pg.Pool({ connectionString: url, max: 10 });
// Each figure is printed as soon as it is measured: a later step that fails loses none of them.
const lines = { push: (line: string) => console.log(line) };
lines.push(`bench:db — ${events.toLocaleString("en")} events, dataset key ${key}, ${SAMPLES} samples each`);
try {
  if (options.reuse) lines.push("load: skipped (--reuse)");
  else lines.push(`load (db:load, wall): ${(await load(await writeFolder(events))).toFixed(1)} s`);

  const { timings, statements } = await storeQueries(pool);
  lines.push(`store queries p50 / p95, per view and all views together:`);
  for (const [op, byView] of Object.entries(timings))
    lines.push(`  ${op.padEnd(9)} ${["all", "filtered", "search", "together"].map((view) => `${view} ${ms(byView[view])}`).join(" · ")}`);
  if (options.plans) {
    await writePlans(options.plans, pool, statements);
    lines.push(`plans: ${statements.length} statements explained in ${options.plans}`);
  }

  if (existsSync(".next/BUILD_ID")) {
    const { timings: http, rss: memory } = await serverFigures();
    lines.push(`server.mjs, page cache off, TTFB p50 / p95:`);
    for (const [name, values] of Object.entries(http)) lines.push(`  ${name.padEnd(20)} ${ms(values)}`);
    lines.push(`server RSS: ${memory.now} MB now, ${memory.peak} MB peak`);
  } else lines.push("server figures skipped: no .next/BUILD_ID (run npm run build first)");
} finally {
  if (!options.keep) {
    // Deleting 10⁶ events' rows outlasts the store's statement timeout: this one may take its time.
    const client = await pool.connect();
    await client.query("SET statement_timeout = 0");
    await client.query("DELETE FROM published WHERE dataset = $1", [key]);
    await client.query("DELETE FROM dataset_versions WHERE dataset = $1", [key]);
    client.release();
  } else lines.push(`kept: DATASET_KEY=${key} (measure again with --reuse ${key})`);
  await pool.end();
}
