import { z } from "zod";

// PARTIAL_DATE is declared in dates.ts, which the browser bundle loads: importing it from here pulled zod into the
// client, and zod probes `Function("")`, a CSP eval violation.
import { PARTIAL_DATE } from "./dates";
export { PARTIAL_DATE };
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

export const eventSchema = z
  .object({
    id: slug,
    title: z.string().min(1),
    titleZh: z.string().min(1).optional(),
    summary: z.string().min(1),
    start: partialDate,
    end: partialDate.optional(),
    place: slug.optional(),
    placeCertainty: z.enum(["stated", "inferred"]),
    online: z.boolean().optional(),
    category: slug,
    organizations: z.array(slug),
    people: z.array(z.string().min(1)).optional(),
    figures: z.record(z.string(), z.number().nonnegative()).optional(),
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

export const namedSchema = z
  .object({ id: slug, name: z.string().min(1), nameZh: z.string().min(1).optional() })
  .strict();

export type Event = z.infer<typeof eventSchema>;
export type Place = z.infer<typeof placeSchema>;
export type Organization = z.infer<typeof namedSchema>;
export type Category = z.infer<typeof namedSchema>;
