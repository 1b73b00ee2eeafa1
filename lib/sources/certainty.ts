import type { DatePart, Event } from "../data/schema";

export type Certainty = "stated" | "inferred";

/** An event's date certainty; the field may be left out when the sources state the date. */
export function dateCertaintyOf(event: Pick<Event, "dateCertainty">): Certainty {
  return event.dateCertainty ?? "stated";
}

/**
 * The parts of an event's date that are inferred, largest first; empty when the date is stated. A
 * dataset that says only `dateCertainty: "inferred"` (written before `dateInferred` existed) means
 * the year, as the interface then said.
 */
export function inferredDateParts(event: Pick<Event, "dateCertainty" | "dateInferred">): DatePart[] {
  if (dateCertaintyOf(event) !== "inferred") return [];
  const parts = event.dateInferred ?? ["year"];
  return (["year", "month", "day"] as const).filter((part) => parts.includes(part));
}

/** An event's place certainty, or null when it has no place (nothing to be sure of). */
export function placeCertaintyOf(event: Pick<Event, "place" | "placeCertainty">): Certainty | null {
  return event.place === undefined ? null : (event.placeCertainty ?? "stated");
}

/** The message (in `messages/*.json`, `detail.*`) a reader sees beside a date or place of each certainty. */
export const CERTAINTY_NOTE_KEY = {
  date: { stated: "dateStated", inferred: "dateInferred" },
  place: { stated: "placeStated", inferred: "placeInferred" },
} as const;
