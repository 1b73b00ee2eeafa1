/**
 * The importer at scale: `npm run bench:import -- <rows> [--keep | --csv-only]`.
 *
 * Writes a CSV of <rows> synthetic events (scripts/synthetic-data.ts, through the CSV export: the
 * import template), then runs `npm run import`'s script on it in a child process of its own and prints
 * the child's wall time and peak RSS (its `process.resourceUsage().maxRSS`, reported from a preload as
 * it exits). The issue's targets at 10⁵ rows: ≤ 5 s and ≤ 500 MB. With `--keep`, the CSV stays in
 * /tmp; with `--csv-only`, only the CSV is written (to profile the import on it with
 * `node --cpu-prof` or `--heap-prof`); otherwise it is deleted.
 * Figures, not a test: it prints what it measured.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { syntheticCsv } from "./synthetic-csv";

const { positionals, values } = parseArgs({
  options: { keep: { type: "boolean" }, "csv-only": { type: "boolean" } },
  allowPositionals: true,
});
const rows = Number(positionals[0] ?? 10_000);
if (!Number.isInteger(rows) || rows < 1) {
  console.error("usage: npm run bench:import -- <rows> [--keep | --csv-only]");
  process.exit(2);
}

const folder = mkdtempSync(path.join(os.tmpdir(), "bench-import-"));
const csvFile = path.join(folder, `events-${rows}.csv`);
writeFileSync(csvFile, await syntheticCsv(rows));
console.log(`${csvFile}: ${rows.toLocaleString("en")} rows, ${(statSync(csvFile).size / 1e6).toFixed(1)} MB`);
if (values["csv-only"]) process.exit(0);

// The preload prints the child's peak RSS as it exits (maxRSS is in kilobytes), on stderr with a tag.
const PEAK_TAG = "bench-import-peak-rss-kb";
const preload = path.join(folder, "peak-rss.mjs");
writeFileSync(preload, `process.on("exit", () => process.stderr.write("\\n${PEAK_TAG} " + process.resourceUsage().maxRSS + "\\n"));\n`);

// `node --import tsx` rather than the tsx command, which would start a second Node process.
const args = [
  "--conditions=react-server",
  "--import",
  "tsx",
  "--import",
  preload,
  "scripts/import.ts",
  csvFile,
  "--out",
  path.join(folder, "out"),
];
const started = performance.now();
const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
let stdout = "";
let stderr = "";
child.stdout.on("data", (chunk) => (stdout += chunk));
child.stderr.on("data", (chunk) => (stderr += chunk));
const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
const wallMs = performance.now() - started;

const peakKb = Number(stderr.match(new RegExp(`${PEAK_TAG} (\\d+)`))?.[1] ?? NaN);
console.log(stdout.trim());
const problems = stderr.replace(new RegExp(`\\n?${PEAK_TAG} \\d+\\n?`), "").trim();
if (problems) console.log(problems.split("\n").slice(0, 5).join("\n"));
console.log(
  `import of ${rows.toLocaleString("en")} rows: exit ${status}, wall ${(wallMs / 1000).toFixed(2)} s (target ≤ 5 s at 10⁵), peak RSS ${(peakKb / 1024).toFixed(0)} MB (target ≤ 500 MB at 10⁵)`,
);
if (!values.keep) rmSync(folder, { recursive: true, force: true });
else console.log(`kept ${folder}`);
