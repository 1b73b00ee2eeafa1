import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { sourceDocumentSchema } from "./schema";
import { DATA_FILES, SOURCES_DIR, SOURCES_FILE, validateDataset, type DataProblem, type RawDataset } from "./validate";

type ReadResult = { ok: true; value: string } | { ok: false; missing: boolean; message: string };

async function readText(file: string): Promise<ReadResult> {
  try {
    return { ok: true, value: await readFile(file, "utf8") };
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    return { ok: false, missing, message: (error as Error).message };
  }
}

/** The file's JSON, or undefined (and a problem) when it is not JSON. */
function parseJson(file: string, text: string, problems: DataProblem[]): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    problems.push({ file, record: "(file)", field: "(root)", message: `cannot be read as JSON: ${(error as Error).message}` });
    return undefined;
  }
}

/** The text of every well-formed entry of `sources.json`; a missing document is a problem of that entry. */
export async function readSourceTexts(dir: string, rawSources: unknown, problems: DataProblem[]): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  if (!Array.isArray(rawSources)) return texts; // validation reports the file's shape
  for (const item of rawSources) {
    const parsed = sourceDocumentSchema.safeParse(item);
    if (!parsed.success || texts.has(parsed.data.file)) continue;
    const { id, file } = parsed.data;
    const read = await readText(path.join(dir, SOURCES_DIR, file));
    if (read.ok) texts.set(file, read.value);
    else problems.push({ file: SOURCES_FILE, record: id, field: "file", message: read.missing ? `missing file ${SOURCES_DIR}/${file} in ${dir}` : `cannot be read: ${read.message}` });
  }
  return texts;
}

/**
 * Reads a data folder (the four JSON files, and `sources.json` with its documents when present)
 * and validates it; shared by the loader and `check:data`.
 */
export async function readDatasetDir(dir: string) {
  const problems: DataProblem[] = [];
  const raw = {} as RawDataset;
  for (const [key, file] of Object.entries(DATA_FILES) as [keyof typeof DATA_FILES, string][]) {
    const read = await readText(path.join(dir, file));
    if (read.ok) raw[key] = parseJson(file, read.value, problems) ?? [];
    else {
      problems.push({ file, record: "(file)", field: "(root)", message: read.missing ? `missing file in ${dir}` : `cannot be read: ${read.message}` });
      raw[key] = [];
    }
  }
  const sourcesRead = await readText(path.join(dir, SOURCES_FILE));
  // Unreadable JSON counts as no list, so events citing its documents are not each reported too.
  if (sourcesRead.ok) raw.sources = parseJson(SOURCES_FILE, sourcesRead.value, problems);
  else if (!sourcesRead.missing) problems.push({ file: SOURCES_FILE, record: "(file)", field: "(root)", message: `cannot be read: ${sourcesRead.message}` });
  const sourceTexts = await readSourceTexts(dir, raw.sources, problems);

  const result = validateDataset(raw, sourceTexts);
  if (problems.length === 0 && result.dataset) return { ...result, sourceTexts };
  return { dataset: null, problems: [...problems, ...result.problems], sourceTexts };
}
