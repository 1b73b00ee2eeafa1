// `DATABASE_URL=… npm run db:load -- <data folder>`: applies pending migrations, then loads the folder
// with COPY as a new version while validating it as check:data does (events.json streamed: any size
// loads in bounded memory), and publishes it in one transaction. A bad folder is refused, naming
// file › record › field, and nothing is published (the load's transaction is rolled back). Prints
// where the load's time went. DATASET_KEY names the dataset ("default" unless set). Exit codes: 0
// loaded, 1 refused or failed, 2 usage.
import path from "node:path";
import { formatProblem } from "../lib/data/validate";
import { datasetKey as currentDatasetKey } from "../lib/data/pg/dataset-key";
import { publishFolder } from "./publish-folder";

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
try {
  const published = await publishFolder(dir, url, datasetKey);
  if (!published.ok) {
    for (const problem of published.problems) console.error(formatProblem(problem));
    console.error(`\n${published.problems.length} problem(s) in ${dir}${published.note}: refused, nothing was published`);
    process.exitCode = 1;
  } else {
    if (published.migrations.length > 0) console.log(`migrations applied: ${published.migrations.join(", ")}`);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `${dir}: ${published.events} events loaded into dataset "${datasetKey}" and published as version ${published.version} (${seconds} s)`,
    );
    console.log(`time: ${published.phases.map(([phase, s]) => `${phase} ${s.toFixed(1)} s`).join(" · ")}`);
  }
} catch (error) {
  console.error(`db:load failed, the published version is unchanged: ${(error as Error).message}`);
  process.exitCode = 1;
}
