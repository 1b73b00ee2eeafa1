// `DATABASE_URL=… npm run db:load -- <data folder>`: validates the folder as check:data does (a bad
// folder is refused, naming file › record › field, and the database is not touched), applies pending
// migrations, loads the folder with COPY as a new version and publishes it in one transaction.
// DATASET_KEY names the dataset ("default" unless set). Exit codes: 0 loaded, 1 refused or failed, 2 usage.
import path from "node:path";
import pg from "pg";
import { formatProblem } from "../lib/data/validate";
import { migrate } from "../lib/data/pg/migrate";
import { loadAndPublish } from "../lib/data/pg/load";
import { datasetKey as currentDatasetKey } from "../lib/data/pg/dataset-key";
import { checkFolder } from "./check-folder";

const USAGE = "Usage: DATABASE_URL=postgres://… npm run db:load -- <data folder>";
const url = process.env.DATABASE_URL;
const folder = process.argv[2];
if (!url || !folder || process.argv.length > 3) {
  console.error(!url ? `DATABASE_URL is not set.\n${USAGE}` : USAGE);
  process.exit(2);
}
const dir = path.resolve(folder);
const datasetKey = currentDatasetKey();

const started = performance.now();
const checked = await checkFolder(dir);
if (!checked.ok) {
  for (const problem of checked.problems) console.error(formatProblem(problem));
  console.error(`\n${checked.problems.length} problem(s) in ${dir}${checked.note}: refused, the database is unchanged`);
  process.exit(1);
}

const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
try {
  await client.connect();
  const applied = await migrate(client);
  if (applied.length > 0) console.log(`migrations applied: ${applied.join(", ")}`);
  const { version, events } = await loadAndPublish(client, datasetKey, checked.dataset, checked.sourceTexts, checked.tours);
  // The visibility map, outside the load's transaction: counts over the new rows become index-only scans.
  await client.query("VACUUM events, event_records, event_search, search_words, event_months");
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${dir}: ${events} events loaded into dataset "${datasetKey}" and published as version ${version} (${seconds} s)`);
} catch (error) {
  console.error(`db:load failed, the published version is unchanged: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await client.end().catch(() => {});
}
