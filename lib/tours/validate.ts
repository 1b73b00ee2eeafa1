import "server-only";
import type { z } from "zod";
import type { DatasetIndex } from "../data/dataset";
import { citationProblem, DATA_FILES, type DataProblem } from "../data/validate";
import { vocabularyOf } from "../data/vocabulary";
import { parseQuery, QUERY_KEYS, type Query } from "../query/query";
import { filtersExcluding } from "../search/filter";
import { tourSchema, type Tour, type TourStep } from "./schema";

/** The folder of tours inside a data folder (optional). */
export const TOURS_DIR = "tours";

/** A tour file as read from disk: its name (`shenzhen.json`) and its parsed JSON. */
export interface RawTour {
  name: string;
  raw: unknown;
}

/** Parameters a tour's view may not set, and why: the language is the reader's (a tour speaks both). */
const READERS_OWN: Record<string, string> = {
  lang: "the language is the reader's choice: leave lang out of a tour's view",
};

const TOUR = "(tour)";
const stepRecord = (i: number) => `steps[${i}]`;

/** Where a zod issue lies, as `record › field`: a step's (`steps[2]` › `title.zh`) or the tour's own. */
function locate(path: PropertyKey[]): { record: string; field: string } {
  if (path[0] === "steps" && typeof path[1] === "number") {
    return { record: stepRecord(path[1]), field: path.slice(2).join(".") || "(step)" };
  }
  return { record: TOUR, field: path.join(".") || "(root)" };
}

function schemaProblems(file: string, error: z.ZodError): DataProblem[] {
  return error.issues.map((issue) => ({ file, ...locate(issue.path), message: issue.message }));
}

/** The step's view as the dashboard reads it, with every value the dashboard would not take as written. */
function checkView(step: TourStep, index: DatasetIndex, at: (field: string, message: string) => void): Query | null {
  const params = new URLSearchParams(step.view);
  for (const key of new Set(params.keys())) {
    if (READERS_OWN[key]) at("view", READERS_OWN[key]);
    // The page ignores a parameter it does not know: a misspelt one would show another view, silently.
    else if (!(QUERY_KEYS as string[]).includes(key)) at("view", `unknown parameter "${key}" (the dashboard ignores it)`);
  }
  const { query, issues } = parseQuery(params, vocabularyOf(index));
  for (const issue of issues) at("view", issue.message);
  if (issues.length > 0) return null;
  if (query.event && !step.events.includes(query.event)) at("view", `opens event "${query.event}", which is not among the step's events`);
  return query;
}

/** Each event the step is about must exist and be shown by the step's view, or it could not be highlighted. */
function checkEvents(step: TourStep, query: Query | null, index: DatasetIndex, at: (field: string, message: string) => void) {
  step.events.forEach((id, j) => {
    const event = index.eventById.get(id);
    if (!event) return at(`events.${j}`, `unknown event "${id}" (not in ${DATA_FILES.events})`);
    const excluding = query ? filtersExcluding(index, query, event) : [];
    if (excluding.length > 0) at(`events.${j}`, `"${id}" is not in the step's view (left out by ${excluding.join(", ")})`);
  });
}

/** One tour file against the dataset it tells of: its schema, its id, its steps' ids, views, events and quotes. */
export function validateTour({ name, raw }: RawTour, index: DatasetIndex): { tour: Tour | null; problems: DataProblem[] } {
  const file = `${TOURS_DIR}/${name}`;
  const parsed = tourSchema.safeParse(raw);
  if (!parsed.success) return { tour: null, problems: schemaProblems(file, parsed.error) };
  const tour = parsed.data;
  const problems: DataProblem[] = [];
  const expectedId = name.replace(/\.json$/, "");
  if (tour.id !== expectedId)
    problems.push({
      file,
      record: TOUR,
      field: "id",
      message: `"${tour.id}" is not the file's name: the tour in ${name} has the id "${expectedId}"`,
    });

  const firstWithId = new Map<string, number>();
  tour.steps.forEach((step, i) => {
    const at = (field: string, message: string) => problems.push({ file, record: stepRecord(i), field, message });
    const first = firstWithId.get(step.id);
    if (first === undefined) firstWithId.set(step.id, i);
    else at("id", `duplicate step id "${step.id}" (also ${stepRecord(first)})`);
    checkEvents(step, checkView(step, index, at), index, at);
    // As for events: a dataset without sources.json (a synthetic one) has its quotes unchecked.
    if (index.dataset.sources === undefined) return;
    step.sources.forEach((source, k) => {
      const problem = citationProblem(source, index.sourceByFile, index.sourceTexts);
      if (problem) at(`sources.${k}.${problem.field}`, problem.message);
    });
  });
  return problems.length > 0 ? { tour: null, problems } : { tour, problems };
}

/** Every tour file; `tours` holds those without a problem, in file-name order. */
export function validateTours(files: RawTour[], index: DatasetIndex): { tours: Tour[]; problems: DataProblem[] } {
  const tours: Tour[] = [];
  const problems: DataProblem[] = [];
  for (const file of files) {
    const result = validateTour(file, index);
    if (result.tour) tours.push(result.tour);
    problems.push(...result.problems);
  }
  return { tours, problems };
}
