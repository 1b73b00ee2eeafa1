/**
 * The view as a sentence, "7 events in Beijing, 2025, category Conference", assembled from phrases
 * the server writes. The browser re-assembles it with a live window while the timeline is dragged,
 * so the assembly (and nothing that needs the dataset) lives here.
 */
export interface SentenceParts {
  /** "in Shanghai or Beijing" */
  places: string | null;
  /** "2023–2025", "since May 2015" */
  window: string | null;
  /** "category Conference", "involving UNESCO", "matching “STEM”" */
  rest: string[];
}

export function plural(n: number, word: string): string {
  return `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;
}

export function sentenceOf(matched: number, parts: SentenceParts): string {
  const phrases = [plural(matched, "event"), parts.places, parts.window, ...parts.rest].filter(Boolean);
  return phrases.join(", ").replace(/^([\d,]+ events?), in /, "$1 in ");
}
