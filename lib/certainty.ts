import type { Event } from "./schema";

export type Certainty = "stated" | "inferred";

/** An event's date certainty; the field may be left out when the sources state the date. */
export function dateCertaintyOf(event: Pick<Event, "dateCertainty">): Certainty {
  return event.dateCertainty ?? "stated";
}

/** An event's place certainty, or null when it has no place (nothing to be sure of). */
export function placeCertaintyOf(event: Pick<Event, "place" | "placeCertainty">): Certainty | null {
  return event.place === undefined ? null : (event.placeCertainty ?? "stated");
}

/** The wording a reader sees beside a date or place, English for now, in one table to translate. */
export const CERTAINTY_NOTE_EN = {
  date: {
    stated: "stated in the source",
    inferred: "year inferred from the document's context, not stated with the date",
  },
  place: {
    stated: "stated in the source",
    inferred: "inferred: well established, not stated in the source",
  },
} as const;
