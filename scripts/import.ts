// `npm run import -- <file or data folder> --out <folder> [--problems problems.csv] [--sources <folder>] [--publish]`:
// reads a spreadsheet (CSV/TSV/.xlsx) or the dataset's JSON, reports every problem by sheet, row and
// column, and writes the dataset's four JSON files when nothing is wrong. With `--sources`, a folder of
// .txt documents, every quote is checked word for word against its document and the output is a whole
// data folder: sources.json and sources/ too. With `--publish` (and DATABASE_URL), the written folder
// is then published as a new version, as `db:load` publishes one.
// Exit status: 0 imported (and published), 1 refused or the publishing failed, 2 usage error.
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { importFiles, tooLarge, type ImportFile } from "../lib/import/import";
import { jsonArrayPieces } from "../lib/import/json-array";
import { LIMITS } from "../lib/import/limits";
import { problemsCsv, type ImportProblem } from "../lib/import/problems";
import { loadWorldGazetteer } from "../lib/import/world-cities";
import { DATA_FILES, SOURCES_DIR, SOURCES_FILE, formatProblem } from "../lib/data/validate";
import { describeDocuments, isDocumentName, type ImportDocuments, type SourceFile } from "../lib/import/documents";

const USAGE =
  "usage: npm run import -- <file.csv|.tsv|.xlsx|.json|.geojson or data folder> --out <folder> [--problems problems.csv] [--sources <folder of .txt documents>] [--publish (with DATABASE_URL)]";

function usage(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

const OPTIONS = {
  out: { type: "string" },
  problems: { type: "string" },
  sources: { type: "string" },
  publish: { type: "boolean" },
} as const;
let args: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
try {
  args = parseArgs({ options: OPTIONS, allowPositionals: true });
} catch (error) {
  usage((error as Error).message);
}
const [input, ...extra] = args.positionals;
if (!input || extra.length > 0) usage(input ? `one input only (got ${args.positionals.join(", ")})` : "no input file");
if (!args.values.out) usage("--out <folder> is required");
// Said before anything is read: a curator should not wait for an import that cannot be published.
const databaseUrl = process.env.DATABASE_URL;
if (args.values.publish && !databaseUrl)
  usage("--publish needs DATABASE_URL (postgres://…): the database to publish into. Without --publish the folder is written only.");

let stat;
try {
  stat = statSync(input);
} catch {
  usage(`cannot read ${input}`);
}

/** The files to import: the one given, or a data folder's JSON files. Sizes are checked before anything is read. */
const paths = stat.isDirectory()
  ? Object.values(DATA_FILES)
      .map((file) => path.join(input, file))
      .filter((file) => readdirSync(input).includes(path.basename(file)))
  : [input];
if (paths.length === 0) usage(`${input} holds none of ${Object.values(DATA_FILES).join(", ")}`);

function report(problems: ImportProblem[]) {
  if (args.values.problems) writeFileSync(args.values.problems, problemsCsv(problems));
  for (const p of problems.slice(0, 50)) {
    const where = [
      p.sheet,
      p.row !== null ? `row ${p.row}` : "",
      p.column ? `column ${p.columnLetter ? `${p.columnLetter} ` : ""}"${p.column}"` : "",
    ]
      .filter(Boolean)
      .join(", ");
    console.error(
      `${p.severity} [${p.code}] ${where}${p.value ? ` (${JSON.stringify(p.value)})` : ""}: ${p.message}${p.suggestion ? ` ${p.suggestion}` : ""}`,
    );
  }
  if (problems.length > 50)
    console.error(
      `… and ${problems.length - 50} more${args.values.problems ? ` (all in ${args.values.problems})` : " (--problems <file.csv> lists them all)"}`,
    );
}

/** A JSON array written a hundred records at a time (`jsonArrayPieces`), as `JSON.stringify(records, null, 2)` would write it whole. */
function writeJsonArray(file: string, records: unknown[]) {
  const fd = openSync(file, "w");
  try {
    for (const piece of jsonArrayPieces(records)) writeSync(fd, piece);
  } finally {
    closeSync(fd);
  }
}

/**
 * The documents of `--sources` (every .txt file of the folder) and their descriptions: an entry of a
 * `sources.json` in the folder, or beside it as in a data folder (`data/sources.json` for
 * `data/sources/`), is kept as written; any other document is described from its file name.
 */
function readDocuments(folder: string): ImportDocuments {
  let names: string[];
  try {
    names = readdirSync(folder)
      .filter((name) => name.toLowerCase().endsWith(".txt"))
      .sort();
  } catch {
    usage(`--sources: cannot read the folder ${folder}`);
  }
  if (names.length === 0) usage(`--sources: ${folder} holds no .txt documents`);
  const badName = names.find((name) => !isDocumentName(name));
  if (badName) usage(`--sources: "${badName}" is not a plain file name (letters, digits, ".", "_", "-", ending in .txt): rename it`);
  const documents = names.map((file): SourceFile => ({ file, text: readFileSync(path.join(folder, file), "utf8") }));
  const listFile = [path.join(folder, SOURCES_FILE), path.join(folder, "..", SOURCES_FILE)].find((file) => existsSync(file));
  let described: unknown[] = [];
  if (listFile) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(listFile, "utf8"));
      if (Array.isArray(parsed)) described = parsed;
    } catch {
      console.error(`${listFile} is not JSON: its documents are described from their file names.`);
    }
  }
  return describeDocuments(documents, described);
}
const documents = args.values.sources ? readDocuments(args.values.sources) : undefined;

const oversize = paths.find((file) => statSync(file).size > LIMITS.maxFileBytes);
if (oversize) {
  report([tooLarge(path.basename(oversize), statSync(oversize).size)]);
  console.error(`Refused: ${oversize} is too large; nothing was read.`);
  process.exit(1);
}

const started = performance.now();
// The files are read in a function that returns the importer's promise at once, so that nothing here
// holds their bytes (a top-level await would keep them in its frame) once the importer has decoded them.
const importPaths = () =>
  importFiles(
    paths.map((file): ImportFile => ({ name: path.basename(file), bytes: readFileSync(file) })),
    { gazetteer: loadWorldGazetteer, documents },
  );
const { dataset, problems, summary } = await importPaths();
report(problems);

const range = summary.dateRange ? `${summary.dateRange.from} – ${summary.dateRange.to}` : "no dates";
console.log(
  `${input}: ${summary.format.toUpperCase()}${summary.encoding ? `, ${summary.encoding}` : ""}; ${summary.events} events, ${summary.places} places, ${summary.organizations} organizations, ${summary.categories} categories; ${range}; ${summary.errors} errors, ${summary.warnings} warnings (${Math.round(performance.now() - started)} ms)`,
);
const { organizations, categories } = summary.namedById;
if (organizations + categories > 0)
  console.log(`Named by their ids (no sheet names them): ${organizations} organizations, ${categories} categories.`);
if (!dataset) {
  console.error(`Refused: ${summary.errors} error(s); nothing was written.`);
  process.exit(1);
}
const out = args.values.out;
mkdirSync(out, { recursive: true });
for (const [key, file] of Object.entries(DATA_FILES) as [keyof typeof DATA_FILES, string][])
  writeJsonArray(path.join(out, file), dataset[key]);
if (documents && dataset.sources) {
  // A whole data folder: sources.json and the documents beside it, as check:data and db:load read them.
  writeFileSync(path.join(out, SOURCES_FILE), `${JSON.stringify(dataset.sources, null, 2)}\n`);
  mkdirSync(path.join(out, SOURCES_DIR), { recursive: true });
  for (const { file } of dataset.sources) copyFileSync(path.join(args.values.sources!, file), path.join(out, SOURCES_DIR, file));
  console.log(
    `Imported into ${out} (${[...Object.values(DATA_FILES), SOURCES_FILE].join(", ")}, and ${dataset.sources.length} documents in ${SOURCES_DIR}/; every quote found in its document).`,
  );
} else
  console.log(`Imported into ${out} (${Object.values(DATA_FILES).join(", ")}; no sources.json: quotes are not checked against documents).`);

if (args.values.publish) {
  // The folder as written, through db:load's path: validated again as check:data does, then one transaction.
  // Loaded here only: an import that does not publish does not load the database client.
  const { publishFolder } = await import("./publish-folder");
  const { datasetKey } = await import("../lib/data/pg/dataset-key");
  try {
    const published = await publishFolder(path.resolve(out), databaseUrl!, datasetKey());
    if (!published.ok) {
      for (const p of published.problems) console.error(formatProblem(p));
      console.error(`Not published: ${published.problems.length} problem(s) in ${out}${published.note}; the database is unchanged.`);
      process.exitCode = 1;
    } else console.log(`Published ${published.events} events as version ${published.version} of dataset "${datasetKey()}".`);
  } catch (error) {
    console.error(`Publishing failed, the published version is unchanged: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
