// `npm run check:data [dir]`: validates a data folder and its tours, and prints every problem as `file › record › field: message`.
import path from "node:path";
import { readDatasetDir } from "../lib/data/read-dataset";
import { formatProblem, type DataProblem } from "../lib/data/validate";
import { readTours } from "../lib/tours/read-tours";

const dir = path.resolve(process.argv[2] ?? process.env.EVENTS_DATA_DIR ?? "data");

function refuse(problems: DataProblem[], note = ""): never {
  for (const problem of problems) console.error(formatProblem(problem));
  console.error(`\n${problems.length} problem(s) in ${dir}${note}`);
  process.exit(1);
}

const { dataset, problems, sourceTexts } = await readDatasetDir(dir);
// Tours tell of the dataset's events and places: they are checked once the dataset itself is sound.
if (!dataset) refuse(problems, " (tours are checked once these are fixed)");
const tours = await readTours(dir, dataset, sourceTexts);
if (tours.problems.length > 0) refuse(tours.problems);
console.log(
  `${dir}: ${dataset.events.length} events, ${dataset.places.length} places, ${dataset.organizations.length} organizations, ${dataset.categories.length} categories, ${dataset.sources ? `${dataset.sources.length} source documents (every quote found verbatim)` : "no sources.json (quotes not checked)"}, ${tours.tours.length} tour(s) — OK`,
);
