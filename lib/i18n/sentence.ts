import { countText, type PluralForms } from "./plural";
import type { Lang } from "./lang";
import type { UiText } from "./ui-text";
import type { WindowWords } from "../core/dates";

/**
 * The view as a sentence, "7 events in Beijing, 2025, category Conference", assembled from phrases
 * the server writes in the reader's language. The browser re-assembles it with a live window while
 * the timeline is dragged, so the assembly (and nothing that needs the dataset or a catalogue) lives here.
 */
export interface SentenceParts {
  lang: Lang;
  /** "# events" in the reader's language, one form per plural category. */
  events: PluralForms;
  /** Between phrases: ", " or "，". */
  joiner: string;
  /** "in Shanghai or Beijing" */
  places: string | null;
  /** "2023–2025", "since May 2015" */
  window: string | null;
  /** For the browser's label of a dragged window (rangeLabel in lib/core/dates.ts). */
  windowWords: WindowWords;
  /** "category Conference", "involving UNESCO", "matching “STEM”" */
  rest: string[];
}

export function sentenceOf(matched: number, parts: SentenceParts): string {
  const phrases = [countText(parts.events, matched, parts.lang), parts.places, parts.window, ...parts.rest].filter(Boolean);
  const sentence = phrases.join(parts.joiner);
  // English reads "7 events in Beijing", not "7 events, in Beijing".
  return parts.lang === "en" ? sentence.replace(/^([\d,]+ events?), in /, "$1 in ") : sentence;
}

/** The summary line's two texts: "7 of 54 events" and, when anything is filtered, the sentence. */
export interface Summary {
  count: string;
  sentence: string;
}

/** The summary of a view; the server writes the URL's, the browser a drag's from the same parts. */
export function summaryOf(total: number, matched: number, filtered: boolean, parts: SentenceParts, counts: UiText["counts"]): Summary {
  const { lang } = parts;
  return {
    count: filtered
      ? countText(counts.matchedOf, total, lang, { matched: matched.toLocaleString(lang) })
      : countText(counts.all, total, lang),
    sentence: filtered ? sentenceOf(matched, parts) : "",
  };
}
