import "server-only";
import { z } from "zod";
import { sourceSchema } from "../data/schema";

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a lowercase slug (a-z, 0-9, -)");

/** A text of the tour's: every one is written in both languages the site speaks. */
const text = (language: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `missing the ${language} text` : `the ${language} text must be a string`) })
    .trim()
    .min(1, `the ${language} text is empty`);

export const bilingualSchema = z.object({ en: text("English (en)"), zh: text("Chinese (zh)") }).strict();

export const tourStepSchema = z
  .object({
    /** Links name a step by id (`tour=…&step=…`), never by position, so inserting a step breaks none. */
    id: slug,
    /** A dashboard view as a query string (`city=shenzhen&from=2016&to=2016&event=…`), read by lib/query's parsers. */
    view: z.string(),
    title: bilingualSchema,
    body: bilingualSchema,
    /** The events the step is about: highlighted on the map, the timeline and the list. */
    events: z.array(slug).min(1, "names at least one event"),
    sources: z.array(sourceSchema).min(1, "needs at least one source"),
  })
  .strict();

export const tourSchema = z
  .object({
    /** The file's name without `.json`. */
    id: slug,
    title: bilingualSchema,
    summary: bilingualSchema,
    steps: z.array(tourStepSchema).min(1, "needs at least one step"),
  })
  .strict();

export type Bilingual = z.infer<typeof bilingualSchema>;
export type TourStep = z.infer<typeof tourStepSchema>;
export type Tour = z.infer<typeof tourSchema>;
