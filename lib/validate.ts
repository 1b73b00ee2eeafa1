import type { z } from "zod";
import type { Dataset } from "./dataset";
import { periodStart } from "./dates";
import { eventSchema, namedSchema, placeSchema } from "./schema";

/** One thing wrong with the dataset, located as `file › record › field`. */
export interface DataProblem {
  file: string;
  record: string;
  field: string;
  message: string;
}

export const DATA_FILES = {
  events: "events.json",
  places: "places.json",
  organizations: "organizations.json",
  categories: "categories.json",
} as const;

export type RawDataset = Record<keyof typeof DATA_FILES, unknown>;

export function formatProblem(p: DataProblem): string {
  return `${p.file} › ${p.record} › ${p.field}: ${p.message}`;
}

function recordName(item: unknown, index: number): string {
  const id = (item as { id?: unknown } | null)?.id;
  return typeof id === "string" && id ? id : `#${index}`;
}

/** Validates every record of one file against its schema; returns the valid ones. */
function checkFile<S extends z.ZodType>(file: string, raw: unknown, schema: S, problems: DataProblem[]): z.infer<S>[] {
  if (!Array.isArray(raw)) {
    problems.push({ file, record: "(file)", field: "(root)", message: "must be a JSON array of records" });
    return [];
  }
  const valid: z.infer<S>[] = [];
  const seen = new Set<string>();
  raw.forEach((item, index) => {
    const record = recordName(item, index);
    const result = schema.safeParse(item);
    if (!result.success) {
      for (const issue of result.error.issues) {
        problems.push({ file, record, field: issue.path.join(".") || "(record)", message: issue.message });
      }
      return;
    }
    if (seen.has(record)) problems.push({ file, record, field: "id", message: `duplicate id "${record}"` });
    seen.add(record);
    valid.push(result.data);
  });
  return valid;
}

/** Schema checks, then cross-references between files. Returns the dataset only when nothing is wrong. */
export function validateDataset(raw: RawDataset): { dataset: Dataset; problems: [] } | { dataset: null; problems: DataProblem[] } {
  const problems: DataProblem[] = [];
  const places = checkFile(DATA_FILES.places, raw.places, placeSchema, problems);
  const organizations = checkFile(DATA_FILES.organizations, raw.organizations, namedSchema, problems);
  const categories = checkFile(DATA_FILES.categories, raw.categories, namedSchema, problems);
  const events = checkFile(DATA_FILES.events, raw.events, eventSchema, problems);

  const placeIds = new Set(places.map((p) => p.id));
  const orgIds = new Set(organizations.map((o) => o.id));
  const categoryIds = new Set(categories.map((c) => c.id));
  const file = DATA_FILES.events;
  for (const event of events) {
    const at = (field: string, message: string) => problems.push({ file, record: event.id, field, message });
    if (event.place !== undefined && !placeIds.has(event.place)) at("place", `unknown place "${event.place}" (not in ${DATA_FILES.places})`);
    if (event.place === undefined && event.placeCertainty === "inferred") at("placeCertainty", `"inferred" needs a place`);
    if (!categoryIds.has(event.category)) at("category", `unknown category "${event.category}" (not in ${DATA_FILES.categories})`);
    event.organizations.forEach((org, i) => {
      if (!orgIds.has(org)) at(`organizations.${i}`, `unknown organization "${org}" (not in ${DATA_FILES.organizations})`);
    });
    if (event.end !== undefined && periodStart(event.end) < periodStart(event.start)) {
      at("end", `end ${event.end} is before start ${event.start}`);
    }
  }
  if (problems.length > 0) return { dataset: null, problems };
  return { dataset: { events, places, organizations, categories }, problems: [] };
}
