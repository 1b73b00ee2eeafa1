/** The dataset's records, as zod schemas: the one definition of what a valid event, place, organization, category and source document is. */
import { z } from "zod";

export { PARTIAL_DATE } from "../core/time-window";
import { PARTIAL_DATE } from "../core/time-window";
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a lowercase slug (a-z, 0-9, -)");

export const partialDate = z
  .string()
  .regex(PARTIAL_DATE, "must be YYYY, YYYY-MM or YYYY-MM-DD")
  .refine((s) => s.length < 10 || isRealDay(s), "is not a real calendar day");

function isRealDay(s: string): boolean {
  const [y, m, d] = s.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export const sourceSchema = z.object({
  document: z.string().min(1),
  quote: z.string().min(3, "quote must be a short verbatim phrase"),
});

/** Words the sources put before a number ("about 2,600", "more than 50"); none means the number is given as exact. */
export const FIGURE_QUALIFIERS = ["about", "more than", "nearly", "at least"] as const;

/** A number a source gives, with its qualifier when it has one. */
export const figureSchema = z
  .object({
    value: z.number().nonnegative(),
    qualifier: z.enum(FIGURE_QUALIFIERS).optional(),
  })
  .strict();

/** The parts of a date, largest first. */
export const DATE_PARTS = ["year", "month", "day"] as const;
export type DatePart = (typeof DATE_PARTS)[number];

/** Whether the sources state a fact or the dataset infers it (well established, or from the document's context). */
export const certainty = z.enum(["stated", "inferred"]);

export const eventSchema = z
  .object({
    id: slug,
    title: z.string().min(1),
    titleZh: z.string().min(1).optional(),
    /** `source`: a source gives this Chinese title verbatim; `translation`: the project's own. */
    titleZhSource: z.enum(["source", "translation"]).optional(),
    summary: z.string().min(1),
    start: partialDate,
    end: partialDate.optional(),
    /** Absent means "stated". `inferred`: part of the date follows from the document's context (which part: `dateInferred`). */
    dateCertainty: certainty.optional(),
    /**
     * With `dateCertainty: "inferred"`: the parts of the date inferred, the rest being stated ("day"
     * for a meeting "on Sunday" in a dated report). Absent with "inferred" means the year, as datasets
     * written before this field meant.
     */
    dateInferred: z.array(z.enum(DATE_PARTS)).min(1, "names at least one part: year, month or day").optional(),
    place: slug.optional(),
    /** Only with a place: an event without one has no place to be sure of. */
    placeCertainty: certainty.optional(),
    online: z.boolean().optional(),
    category: slug,
    organizations: z.array(slug),
    people: z.array(z.string().min(1)).optional(),
    /** Keyed by what is counted (`foreignExperts`, `newNationalCentres`). */
    figures: z.record(z.string().regex(/^[a-z][a-zA-Z0-9]*$/, "figure names are camelCase"), figureSchema).optional(),
    sources: z.array(sourceSchema).min(1, "needs at least one source"),
  })
  .strict();

export const placeSchema = z
  .object({
    id: slug,
    name: z.string().min(1),
    nameZh: z.string().min(1),
    country: z.string().regex(/^[a-z]{2}$/, "must be a lowercase ISO 3166-1 alpha-2 code"),
    lat: z.number().min(-90).max(90),
    lon: z.number().min(-180).max(180),
  })
  .strict();

export const namedSchema = z.object({ id: slug, name: z.string().min(1), nameZh: z.string().min(1).optional() }).strict();

/**
 * An address a reader may follow (the source page links it): http(s) only, so a `javascript:` or
 * `data:` address never reaches an href, and written as it is linked (no surrounding spaces, which
 * the URL parser would trim).
 */
const httpUrl = z
  .string()
  .regex(/^https?:\/\/\S+$/, "must be an http(s) address (https://…), with no spaces")
  .pipe(z.url({ protocol: /^https?$/, error: "must be an http(s) address that parses as a URL" }));

/** One entry of `sources.json`: a document in `sources/`, described only as far as it describes itself. */
export const sourceDocumentSchema = z
  .object({
    id: slug,
    file: z.string().regex(/^[\w.-]+\.txt$/, "must be a plain-text file name in sources/ (no folders)"),
    title: z.string().min(1),
    /** `document`: the document states this title; `supplied`: it has none, so the project describes it. */
    titleSource: z.enum(["document", "supplied"]),
    publisher: z.string().min(1).optional(),
    date: partialDate.optional(),
    /** BCP 47 tags, main language first (`["en", "zh-Hans"]`). */
    language: z.array(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "must be a BCP 47 language tag")).min(1),
    url: httpUrl.optional(),
    note: z.string().min(1).optional(),
  })
  .strict();

export type Event = z.infer<typeof eventSchema>;
export type Figure = z.infer<typeof figureSchema>;
export type FigureQualifier = (typeof FIGURE_QUALIFIERS)[number];
export type SourceDocument = z.infer<typeof sourceDocumentSchema>;
export type Place = z.infer<typeof placeSchema>;
export type Organization = z.infer<typeof namedSchema>;
export type Category = z.infer<typeof namedSchema>;
