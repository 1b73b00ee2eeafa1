// `npm run check:data [dir]`: validates a data folder and its tours, and prints every problem as `file › record › field: message`.
import path from "node:path";
import { formatProblem } from "../lib/data/validate";
import { checkFolder } from "./check-folder";

const dir = path.resolve(process.argv[2] ?? process.env.EVENTS_DATA_DIR ?? "data");

const checked = await checkFolder(dir);
if (!checked.ok) {
  for (const problem of checked.problems) console.error(formatProblem(problem));
  console.error(`\n${checked.problems.length} problem(s) in ${dir}${checked.note}`);
  process.exit(1);
}
const { dataset, tours } = checked;
console.log(
  `${dir}: ${dataset.events.length} events, ${dataset.places.length} places, ${dataset.organizations.length} organizations, ${dataset.categories.length} categories, ${dataset.sources ? `${dataset.sources.length} source documents (every quote found verbatim)` : "no sources.json (quotes not checked)"}, ${tours.length} tour(s) — OK`,
);
