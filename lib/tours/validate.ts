import "server-only";
import { z } from "zod";
import type { DatasetIndex } from "../data/dataset";
import { citationProblem, DATA_FILES, type DataProblem } from "../data/validate";
import { vocabularyOf } from "../data/vocabulary";
import { QUERY_KEYS, type Query } from "../query/query";
import { parseQuery } from "../query/parse";
import { filtersExcluding } from "../search/filter";
import { tourSchema, tourStepSchema, type Tour, type TourStep } from "./schema";

// The folder's name is the data version's too (lib/data-version): an edited tour is a new version.
export { TOURS_DIR } from "../data-version/data-version.mjs";
import { TOURS_DIR } from "../data-version/data-version.mjs";

/** A tour file as read from disk: its name (`shenzhen.json`) and its parsed JSON. */
export interface RawTour {
  name: string;
  raw: unknown;
}

/**
 * Parameters a tour's view may not set, and why: the language is the reader's (a tour speaks both),
 * and how an embed frames a view is the embedding site's.
 */
const READERS_OWN: Record<string, string> = {
  lang: "the language is the reader's choice: leave lang out of a tour's view",
  ui: "ui is an embed's own parameter (which parts a frame shows): leave it out of a tour's view",
  theme: "theme is an embed's own parameter: leave it out of a tour's view",
};

const TOUR = "(tour)";
const stepRecord = (i: number) => `steps[${i}]`;

/** The field a zod issue names (`title.zh`), or `whole` for the record itself. */
const fieldOf = (issue: z.ZodError["issues"][number], whole: string) => issue.path.join(".") || whole;

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

/** A well-formed step against the dataset: its view, its events and its quotes. */
function checkStep(step: TourStep, index: DatasetIndex, at: (field: string, message: string) => void) {
  checkEvents(step, checkView(step, index, at), index, at);
  // As for events: a dataset without sources.json (a synthetic one) has its quotes unchecked.
  if (index.dataset.sources === undefined) return;
  step.sources.forEach((source, k) => {
    const problem = citationProblem(source, index.sourceByFile, index.sourceTexts);
    if (problem) at(`sources.${k}.${problem.field}`, problem.message);
  });
}

/**
 * The tour's own fields with its steps left unread: each step is read on its own, so a problem in one
 * (a missing translation) hides none of the others'.
 */
const tourFieldsSchema = tourSchema.extend({ steps: z.array(z.unknown()).min(1, "needs at least one step") });

/** One tour file against the dataset it tells of: its schema, its id, its steps' ids, views, events and quotes. */
export function validateTour({ name, raw }: RawTour, index: DatasetIndex): { tour: Tour | null; problems: DataProblem[] } {
  const file = `${TOURS_DIR}/${name}`;
  const problems: DataProblem[] = [];
  const fields = tourFieldsSchema.safeParse(raw);
  for (const issue of fields.error?.issues ?? [])
    problems.push({ file, record: TOUR, field: fieldOf(issue, "(root)"), message: issue.message });
  const expectedId = name.replace(/\.json$/, "");
  if (fields.success && fields.data.id !== expectedId) {
    problems.push({
      file,
      record: TOUR,
      field: "id",
      message: `"${fields.data.id}" is not the file's name: the tour in ${name} has the id "${expectedId}"`,
    });
  }
  const rawSteps = (raw as { steps?: unknown } | null)?.steps;
  const steps: TourStep[] = [];
  const firstWithId = new Map<string, number>();
  (Array.isArray(rawSteps) ? rawSteps : []).forEach((rawStep, i) => {
    const at = (field: string, message: string) => problems.push({ file, record: stepRecord(i), field, message });
    const parsed = tourStepSchema.safeParse(rawStep);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) at(fieldOf(issue, "(step)"), issue.message);
      return;
    }
    const step = parsed.data;
    steps.push(step);
    const first = firstWithId.get(step.id);
    if (first === undefined) firstWithId.set(step.id, i);
    else at("id", `duplicate step id "${step.id}" (also ${stepRecord(first)})`);
    checkStep(step, index, at);
  });
  if (problems.length > 0 || !fields.success) return { tour: null, problems };
  return { tour: { ...fields.data, steps }, problems };
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
