/**
 * The importer benchmarks' input: a CSV of `rows` synthetic events (scripts/synthetic-data.ts) written
 * through the CSV export, which is the import template. Shared by `bench-import.ts` (Node) and
 * `bench-import-browser.ts` (the page /import).
 */
import { register } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

// The CSV export is server code: outside Next's bundles "server-only" resolves to its throwing build,
// and the react-server condition breaks next-intl in plain Node. Take its empty build, as vitest does.
const emptyServerOnly = pathToFileURL(path.resolve("node_modules/server-only/empty.js")).href;
register(
  "data:text/javascript," +
    encodeURIComponent(
      `export async function resolve(specifier, context, next) { return specifier === "server-only" ? { url: ${JSON.stringify(emptyServerOnly)}, shortCircuit: true } : next(specifier, context); }`,
    ),
);

/** The CSV text of `rows` synthetic events, as `/api/events?format=csv` would write them. */
export async function syntheticCsv(rows: number): Promise<string> {
  // Imported once the hook above is registered.
  const { indexDataset } = await import("../lib/data/dataset");
  const { toCsv } = await import("../lib/export/csv");
  const { syntheticDataset } = await import("./synthetic-data");
  const index = indexDataset(syntheticDataset(rows));
  return toCsv(index.events, index);
}
