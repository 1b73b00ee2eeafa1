import type { z } from "zod";
import type { Dataset } from "../data/dataset";
import { eventPrecision, periodStart } from "../core/dates";
import { DATA_FILES, SOURCES_DIR, SOURCES_FILE } from "./data-files.mjs";
import {
  DATE_PARTS,
  eventSchema,
  namedSchema,
  placeSchema,
  sourceDocumentSchema,
  type Category,
  type Event,
  type Organization,
  type Place,
  type SourceDocument,
} from "./schema";

/** One thing wrong with the dataset, located as `file › record › field`. */
export interface DataProblem {
  file: string;
  record: string;
  field: string;
  message: string;
}

// `sources.json` is optional: a folder without it (a synthetic benchmark dataset) is valid, its quotes unchecked.
export { DATA_FILES, SOURCES_DIR, SOURCES_FILE } from "./data-files.mjs";

/** The parsed JSON of each file; `sources` is undefined when the folder has no `sources.json`. */
export type RawDataset = Record<keyof typeof DATA_FILES, unknown> & { sources?: unknown };

/** Each listed document's text, by file name; a document that could not be read is absent. */
export type SourceTexts = ReadonlyMap<string, string>;

export function formatProblem(p: DataProblem): string {
  return `${p.file} › ${p.record} › ${p.field}: ${p.message}`;
}

function recordName(item: unknown, index: number): string {
  const id = (item as { id?: unknown } | null)?.id;
  return typeof id === "string" && id ? id : `#${index}`;
}

/**
 * One record of a file against its schema: its problems pushed, the valid record returned (or null).
 * `seen` holds the ids of the file's valid records so far (a later record with one is a duplicate).
 */
export function checkRecord<S extends z.ZodType>(
  file: string,
  item: unknown,
  index: number,
  schema: S,
  seen: Set<string>,
  problems: DataProblem[],
): z.infer<S> | null {
  const record = recordName(item, index);
  const result = schema.safeParse(item);
  if (!result.success) {
    for (const issue of result.error.issues) {
      problems.push({ file, record, field: issue.path.join(".") || "(record)", message: issue.message });
    }
    return null;
  }
  if (seen.has(record)) problems.push({ file, record, field: "id", message: `duplicate id "${record}"` });
  seen.add(record);
  return result.data;
}

/** A file that is not a JSON array of records. */
export const notAnArray = (file: string): DataProblem => ({
  file,
  record: "(file)",
  field: "(root)",
  message: "must be a JSON array of records",
});

/** Validates every record of one file against its schema; returns the valid ones. `checked` is called after each record. */
function checkFile<S extends z.ZodType>(
  file: string,
  raw: unknown,
  schema: S,
  problems: DataProblem[],
  checked: () => void = () => {},
): z.infer<S>[] {
  if (!Array.isArray(raw)) {
    problems.push(notAnArray(file));
    return [];
  }
  const seen = new Set<string>();
  return raw.flatMap((item, index) => {
    const valid = checkRecord(file, item, index, schema, seen, problems);
    checked();
    return valid === null ? [] : [valid];
  });
}

/** Rules between an event's own fields that zod's per-field schema does not express. */
function checkEventFields(event: Event, at: (field: string, message: string) => void) {
  if (event.place !== undefined && event.placeCertainty === undefined) at("placeCertainty", `needed with a place: "stated" or "inferred"`);
  if (event.place === undefined && event.placeCertainty !== undefined)
    at("placeCertainty", "only with a place: leave it out when the place is unknown or the event was online");
  if (event.titleZh !== undefined && event.titleZhSource === undefined)
    at("titleZhSource", `needed with titleZh: "source" (verbatim from a document) or "translation"`);
  if (event.titleZh === undefined && event.titleZhSource !== undefined) at("titleZhSource", "only with titleZh");
  checkDateInferred(event, at);
}

/** The inferred parts of a date: only with "inferred", each once, and only parts the date has ("day" needs a day). */
function checkDateInferred({ dateInferred, dateCertainty, start, end }: Event, at: (field: string, message: string) => void) {
  if (dateInferred === undefined) return;
  if (dateCertainty !== "inferred") return at("dateInferred", `only with dateCertainty "inferred"`);
  if (new Set(dateInferred).size < dateInferred.length) return at("dateInferred", "names a part twice");
  const precision = eventPrecision({ start, end });
  const known = DATE_PARTS.slice(0, DATE_PARTS.indexOf(precision) + 1);
  const missing = dateInferred.filter((part) => !known.includes(part));
  if (missing.length > 0)
    at("dateInferred", `names ${missing.join(", ")}, which the date (${end ? `${start}–${end}` : start}) does not give`);
}

/**
 * The rule for one citation, shared by events and tours: its document must be listed in `sources.json`
 * and its quote found verbatim in the document's text (a document that could not be read is reported
 * once, by the reader, not by every citation of it). Null when the citation holds.
 */
export function citationProblem(
  { document, quote }: { document: string; quote: string },
  listed: ReadonlyMap<string, unknown>,
  texts: SourceTexts,
): { field: "document" | "quote"; message: string } | null {
  if (!listed.has(document)) return { field: "document", message: `unknown document "${document}" (not in ${SOURCES_FILE})` };
  const text = texts.get(document);
  if (text !== undefined && !text.includes(quote)) return { field: "quote", message: `not found verbatim in ${SOURCES_DIR}/${document}` };
  return null;
}

/** With a `sources.json`, every cited document must be listed in it and every quote found verbatim in its text. */
function checkQuotes(
  event: Event,
  sourceByFile: ReadonlyMap<string, SourceDocument>,
  texts: SourceTexts,
  at: (field: string, message: string) => void,
) {
  event.sources.forEach((source, i) => {
    const problem = citationProblem(source, sourceByFile, texts);
    if (problem) at(`sources.${i}.${problem.field}`, problem.message);
  });
  // A Chinese title said to come from a source must be in one of the documents the event cites.
  if (event.titleZh !== undefined && event.titleZhSource === "source") {
    const cited = event.sources.map((s) => texts.get(s.document));
    if (cited.every((text) => text !== undefined && !text.includes(event.titleZh!)))
      at("titleZh", "marked as from a source, but no cited document contains it verbatim");
  }
}

/** The reference files validated, and what events are checked against (the ids they may name, the cited documents). */
export interface References {
  places: Place[];
  organizations: Organization[];
  categories: Category[];
  sources?: SourceDocument[];
  placeIds: ReadonlySet<string>;
  orgIds: ReadonlySet<string>;
  categoryIds: ReadonlySet<string>;
  sourceByFile: ReadonlyMap<string, SourceDocument>;
  texts: SourceTexts;
  /** False when sources.json itself is broken: events citing it are not each reported too. */
  checkCitations: boolean;
}

/** Every file but events.json: schema checks, duplicates, documents listed twice. */
export function validateReferences(
  raw: Omit<RawDataset, "events">,
  texts: SourceTexts,
  problems: DataProblem[],
  checked?: () => void,
): References {
  const before = problems.length;
  const sources = raw.sources === undefined ? undefined : checkFile(SOURCES_FILE, raw.sources, sourceDocumentSchema, problems, checked);
  // A broken sources.json is reported as such, not once more by every event citing a document it failed to list.
  const checkCitations = sources !== undefined && problems.length === before;
  const sourceByFile = new Map<string, SourceDocument>();
  for (const source of sources ?? []) {
    if (sourceByFile.has(source.file))
      problems.push({ file: SOURCES_FILE, record: source.id, field: "file", message: `"${source.file}" is listed twice` });
    else sourceByFile.set(source.file, source);
  }
  const places = checkFile(DATA_FILES.places, raw.places, placeSchema, problems, checked);
  const organizations = checkFile(DATA_FILES.organizations, raw.organizations, namedSchema, problems, checked);
  const categories = checkFile(DATA_FILES.categories, raw.categories, namedSchema, problems, checked);
  return {
    places,
    organizations,
    categories,
    ...(sources ? { sources } : {}),
    placeIds: new Set(places.map((p) => p.id)),
    orgIds: new Set(organizations.map((o) => o.id)),
    categoryIds: new Set(categories.map((c) => c.id)),
    sourceByFile,
    texts,
    checkCitations,
  };
}

/** An event's references to the other files, its rules between fields, and its quotes: the checks after its schema. */
export function checkEventReferences(event: Event, refs: References, problems: DataProblem[]): void {
  const file = DATA_FILES.events;
  const at = (field: string, message: string) => problems.push({ file, record: event.id, field, message });
  if (event.place !== undefined && !refs.placeIds.has(event.place))
    at("place", `unknown place "${event.place}" (not in ${DATA_FILES.places})`);
  checkEventFields(event, at);
  if (!refs.categoryIds.has(event.category)) at("category", `unknown category "${event.category}" (not in ${DATA_FILES.categories})`);
  event.organizations.forEach((org, i) => {
    if (!refs.orgIds.has(org)) at(`organizations.${i}`, `unknown organization "${org}" (not in ${DATA_FILES.organizations})`);
  });
  if (event.end !== undefined && periodStart(event.end) < periodStart(event.start)) {
    at("end", `end ${event.end} is before start ${event.start}`);
  }
  if (refs.checkCitations) checkQuotes(event, refs.sourceByFile, refs.texts, at);
}

/**
 * The events of events.json checked one at a time, as `validateDataset` checks them (a loader that
 * streams the file keeps only their ids): `check` returns the valid event or null. Problems come in
 * check:data's order: every record's schema problems and duplicates first, then the references.
 */
export function eventChecker(refs: References) {
  const seen = new Set<string>();
  const recordProblems: DataProblem[] = [];
  const referenceProblems: DataProblem[] = [];
  return {
    check(item: unknown, index: number): Event | null {
      const event = checkRecord(DATA_FILES.events, item, index, eventSchema, seen, recordProblems);
      if (event === null) return null;
      const before = referenceProblems.length;
      checkEventReferences(event, refs, referenceProblems);
      return referenceProblems.length === before ? event : null;
    },
    /** Whether any record so far had a problem. */
    get failed() {
      return recordProblems.length + referenceProblems.length > 0;
    },
    problems: (): DataProblem[] => [...recordProblems, ...referenceProblems],
  };
}

/** Records checked between two reports of the progress. */
const PROGRESS_EVERY = 1000;

/**
 * Schema checks, then cross-references between files, then (when the folder lists its sources)
 * the quotes against the documents' texts. Returns the dataset only when nothing is wrong.
 * `progress`, when given, is told every thousand records how many have passed their schema (the
 * bulk of the work): the import page's progress bar.
 */
export function validateDataset(
  raw: RawDataset,
  texts: SourceTexts = new Map(),
  progress?: (checked: number, total: number) => void,
): { dataset: Dataset; problems: [] } | { dataset: null; problems: DataProblem[] } {
  const problems: DataProblem[] = [];
  const total = [raw.sources, raw.places, raw.organizations, raw.categories, raw.events].reduce<number>(
    (sum, records) => sum + (Array.isArray(records) ? records.length : 0),
    0,
  );
  let done = 0;
  const checked = progress
    ? () => {
        done += 1;
        if (done % PROGRESS_EVERY === 0) progress(done, total);
      }
    : undefined;
  const refs = validateReferences(raw, texts, problems, checked);
  const events = checkFile(DATA_FILES.events, raw.events, eventSchema, problems, checked);
  for (const event of events) checkEventReferences(event, refs, problems);
  if (problems.length > 0) return { dataset: null, problems };
  const { places, organizations, categories, sources } = refs;
  return { dataset: { events, places, organizations, categories, ...(sources ? { sources } : {}) }, problems: [] };
}
