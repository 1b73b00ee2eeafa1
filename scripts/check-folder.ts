// The one validation of a data folder, shared by `check:data` and `db:load`: the dataset (the four
// files, sources.json and its documents), then its tours once the dataset itself is sound.
import { readDatasetDir } from "../lib/data/read-dataset";
import type { Dataset } from "../lib/data/dataset";
import type { DataProblem } from "../lib/data/validate";
import { readTours } from "../lib/tours/read-tours";
import type { Tour } from "../lib/tours/schema";

export type FolderCheck =
  { ok: true; dataset: Dataset; sourceTexts: Map<string, string>; tours: Tour[] } | { ok: false; problems: DataProblem[]; note: string };

export async function checkFolder(dir: string): Promise<FolderCheck> {
  const { dataset, problems, sourceTexts } = await readDatasetDir(dir);
  if (!dataset) return { ok: false, problems, note: " (tours are checked once these are fixed)" };
  const tours = await readTours(dir, dataset, sourceTexts);
  if (tours.problems.length > 0) return { ok: false, problems: tours.problems, note: "" };
  return { ok: true, dataset, sourceTexts, tours: tours.tours };
}
