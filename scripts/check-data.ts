// `npm run check:data [dir]`: validates a data folder and prints every problem as `file › record › field: message`.
import path from "node:path";
import { readDatasetDir } from "../lib/data/read-dataset";
import { formatProblem } from "../lib/data/validate";

const dir = path.resolve(process.argv[2] ?? process.env.EVENTS_DATA_DIR ?? "data");
const { dataset, problems } = await readDatasetDir(dir);
if (!dataset) {
  for (const problem of problems) console.error(formatProblem(problem));
  console.error(`\n${problems.length} problem(s) in ${dir}`);
  process.exit(1);
}
console.log(
  `${dir}: ${dataset.events.length} events, ${dataset.places.length} places, ${dataset.organizations.length} organizations, ${dataset.categories.length} categories, ${dataset.sources ? `${dataset.sources.length} source documents (every quote found verbatim)` : "no sources.json (quotes not checked)"} — OK`,
);
