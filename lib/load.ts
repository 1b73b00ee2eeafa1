import "server-only";
import path from "node:path";
import { indexDataset, type DatasetIndex } from "./dataset";
import { formatProblem, type DataProblem } from "./validate";
import { readDatasetDir } from "./read-dataset";

export class DatasetError extends Error {
  constructor(
    readonly dir: string,
    readonly problems: DataProblem[],
  ) {
    super(`The dataset in ${dir} has ${problems.length} problem(s):\n${problems.map(formatProblem).join("\n")}`);
    this.name = "DatasetError";
  }
}

export function dataDir(): string {
  // The folder is chosen at run time (EVENTS_DATA_DIR), so the bundler must not try to trace it.
  return path.resolve(/*turbopackIgnore: true*/ process.env.EVENTS_DATA_DIR ?? path.join(process.cwd(), "data"));
}

let cached: { dir: string; index: Promise<DatasetIndex> } | undefined;

/** The only door data comes through: read, validate, cross-check and index once per data folder. */
export function loadDataset(): Promise<DatasetIndex> {
  const dir = dataDir();
  if (cached?.dir !== dir) {
    const index = readDatasetDir(dir).then(({ dataset, problems, sourceTexts }) => {
      if (!dataset) {
        const error = new DatasetError(dir, problems);
        console.error(error.message);
        throw error;
      }
      return indexDataset(dataset, sourceTexts);
    });
    // A failed load is not cached, so fixing the files fixes the next request.
    index.catch(() => {
      if (cached?.index === index) cached = undefined;
    });
    cached = { dir, index };
  }
  return cached.index;
}

