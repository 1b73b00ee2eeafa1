import "server-only";
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import chain from "stream-chain";
import { parser } from "stream-json";
import { streamArray } from "stream-json/streamers/stream-array.js";
import { sourceDocumentSchema, type Event } from "./schema";
import {
  DATA_FILES,
  SOURCES_DIR,
  SOURCES_FILE,
  eventChecker,
  notAnArray,
  validateDataset,
  validateReferences,
  type DataProblem,
  type RawDataset,
} from "./validate";

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

/** A file's JSON read whole, or undefined and a problem (missing, unreadable, not JSON). */
async function readJsonFile(dir: string, file: string, problems: DataProblem[]): Promise<unknown> {
  const read = await readText(path.join(dir, file));
  if (read.ok) return parseJson(file, read.value, problems);
  problems.push({ file, record: "(file)", field: "(root)", message: read.missing ? `missing file in ${dir}` : `cannot be read: ${read.message}` });
  return undefined;
}

/** The files other than events.json, parsed (not yet validated), and the texts of the documents sources.json lists. */
async function readReferenceFiles(dir: string, problems: DataProblem[]) {
  const raw = {
    places: (await readJsonFile(dir, DATA_FILES.places, problems)) ?? [],
    organizations: (await readJsonFile(dir, DATA_FILES.organizations, problems)) ?? [],
    categories: (await readJsonFile(dir, DATA_FILES.categories, problems)) ?? [],
  } as Omit<RawDataset, "events">;
  const sourcesRead = await readText(path.join(dir, SOURCES_FILE));
  // Unreadable JSON counts as no list, so events citing its documents are not each reported too.
  if (sourcesRead.ok) raw.sources = parseJson(SOURCES_FILE, sourcesRead.value, problems);
  else if (!sourcesRead.missing) problems.push({ file: SOURCES_FILE, record: "(file)", field: "(root)", message: `cannot be read: ${sourcesRead.message}` });
  const sourceTexts = await readSourceTexts(dir, raw.sources, problems);
  return { raw, sourceTexts };
}

/**
 * Reads a data folder (the four JSON files, and `sources.json` with its documents when present)
 * and validates it; shared by the loader and `check:data`.
 */
export async function readDatasetDir(dir: string) {
  const problems: DataProblem[] = [];
  const events = (await readJsonFile(dir, DATA_FILES.events, problems)) ?? [];
  const { raw, sourceTexts } = await readReferenceFiles(dir, problems);
  const result = validateDataset({ ...raw, events }, sourceTexts);
  if (problems.length === 0 && result.dataset) return { ...result, sourceTexts };
  return { dataset: null, problems: [...problems, ...result.problems], sourceTexts };
}

/**
 * A data folder read as `readDatasetDir` reads it, with the same checks and messages, except that
 * events.json is streamed: `events()` yields each valid event while no problem has been found (a
 * loader writes them as they come) and keeps none of them, so a file of any length is read in
 * bounded memory (the ids, for duplicates, are all it keeps). `problems()` is complete once
 * `events()` has finished: a problem anywhere means the folder is refused.
 */
export async function streamDatasetDir(dir: string) {
  const fileProblems: DataProblem[] = [];
  const { raw, sourceTexts } = await readReferenceFiles(dir, fileProblems);
  const referenceProblems: DataProblem[] = [];
  const references = validateReferences(raw, sourceTexts, referenceProblems);
  const checker = eventChecker(references);
  let eventsFileProblem: DataProblem | null = null;
  const failed = () => fileProblems.length + referenceProblems.length > 0 || eventsFileProblem !== null || checker.failed;

  async function* events(): AsyncGenerator<Event> {
    const file = DATA_FILES.events;
    // Whole values only (no chunk tokens): about twice as fast.
    const records = chain([createReadStream(path.join(dir, file), { highWaterMark: 1 << 20 }), parser({ streamValues: false }), streamArray()]);
    try {
      for await (const { key, value } of records as AsyncIterable<{ key: number; value: unknown }>) {
        const event = checker.check(value, key);
        if (event !== null && !failed()) yield event;
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const message = (error as Error).message;
      eventsFileProblem = {
        file,
        record: "(file)",
        field: "(root)",
        message:
          code === "ENOENT"
            ? `missing file in ${dir}`
            : code
              ? `cannot be read: ${message}`
              : /should be an array/.test(message)
                ? notAnArray(file).message
                : `cannot be read as JSON: ${message}`,
      };
    } finally {
      records.destroy();
    }
  }

  return {
    references,
    sourceTexts,
    events,
    failed,
    // As readDatasetDir reports them: a file that cannot be read whole stands for its records' problems.
    problems: (): DataProblem[] => [
      ...(eventsFileProblem ? [eventsFileProblem] : []),
      ...fileProblems,
      ...referenceProblems,
      ...(eventsFileProblem ? [] : checker.problems()),
    ],
  };
}
