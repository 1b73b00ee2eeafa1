import "server-only";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { indexDataset, type Dataset } from "../data/dataset";
import { readSourceTexts } from "../data/read-dataset";
import type { DataProblem, SourceTexts } from "../data/validate";
import type { Tour } from "./schema";
import { TOURS_DIR, validateTours, type RawTour } from "./validate";

/** The `.json` files of the tours folder, by name; none when the folder does not exist (tours are optional). */
async function tourFileNames(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(path.join(dir, TOURS_DIR), { withFileTypes: true });
    return entries
      .filter((e) => e.isFile() && e.name.endsWith(".json"))
      .map((e) => e.name)
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

/** The tour files of a data folder, parsed (not yet validated), and the problems of those that cannot be read. */
export async function readTourFiles(dir: string): Promise<{ files: RawTour[]; problems: DataProblem[] }> {
  const problems: DataProblem[] = [];
  const files: RawTour[] = [];
  for (const name of await tourFileNames(dir)) {
    const file = `${TOURS_DIR}/${name}`;
    let text: string;
    try {
      text = await readFile(path.join(dir, TOURS_DIR, name), "utf8");
    } catch (error) {
      problems.push({ file, record: "(file)", field: "(root)", message: `cannot be read: ${(error as Error).message}` });
      continue;
    }
    try {
      files.push({ name, raw: JSON.parse(text) });
    } catch (error) {
      problems.push({ file, record: "(file)", field: "(root)", message: `cannot be read as JSON: ${(error as Error).message}` });
    }
  }
  return { files, problems };
}

/**
 * The event ids tour files name (their steps' events, and the event a step's view opens): with the
 * data's first and last years, all of the events a tour's check reads. A loader that streams the
 * events keeps these only.
 */
export function eventsNamedBy(files: readonly RawTour[]): Set<string> {
  const ids = new Set<string>();
  for (const { raw } of files) {
    const steps = (raw as { steps?: unknown } | null)?.steps;
    for (const step of Array.isArray(steps) ? steps : []) {
      const { events, view } = (step ?? {}) as { events?: unknown; view?: unknown };
      for (const id of Array.isArray(events) ? events : []) if (typeof id === "string") ids.add(id);
      if (typeof view === "string") {
        const opened = new URLSearchParams(view).get("event");
        if (opened) ids.add(opened);
      }
    }
  }
  return ids;
}

/**
 * Reads and validates the tours of a data folder (`<dir>/tours/*.json`) against its validated
 * dataset. `sourceTexts` are the documents' texts as `readDatasetDir` returned them; without them
 * they are read again, so quotes are never left unchecked by omission. `tours` holds the tours
 * without a problem; a caller that refuses half a dataset refuses on any problem.
 */
export async function readTours(
  dir: string,
  dataset: Dataset,
  sourceTexts?: SourceTexts,
): Promise<{ tours: Tour[]; problems: DataProblem[] }> {
  const { files, problems } = await readTourFiles(dir);
  if (files.length === 0 && problems.length === 0) return { tours: [], problems: [] };
  // The dataset's own reading has already reported a document it could not read.
  const texts = sourceTexts ?? (await readSourceTexts(dir, dataset.sources, []));
  const result = validateTours(files, indexDataset(dataset, texts));
  return { tours: result.tours, problems: [...problems, ...result.problems] };
}
