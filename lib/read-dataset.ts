import { readFile } from "node:fs/promises";
import path from "node:path";
import { DATA_FILES, validateDataset, type DataProblem, type RawDataset } from "./validate";

/** Reads the four JSON files of a data folder and validates them; shared by the loader and `check:data`. */
export async function readDatasetDir(dir: string) {
  const problems: DataProblem[] = [];
  const raw = {} as RawDataset;
  for (const [key, file] of Object.entries(DATA_FILES) as [keyof RawDataset, string][]) {
    try {
      raw[key] = JSON.parse(await readFile(path.join(dir, file), "utf8"));
    } catch (error) {
      const message = (error as NodeJS.ErrnoException).code === "ENOENT" ? `missing file in ${dir}` : `cannot be read as JSON: ${(error as Error).message}`;
      problems.push({ file, record: "(file)", field: "(root)", message });
      raw[key] = [];
    }
  }
  const result = validateDataset(raw);
  if (problems.length === 0 && result.dataset) return result;
  return { dataset: null, problems: [...problems, ...result.problems] };
}
