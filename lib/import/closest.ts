/**
 * Edit distance for "Did you mean …?" suggestions: insertions, deletions, substitutions and swaps of
 * two neighbours ("Shanghia" is one edit from "Shanghai"); gives up past `max` (returns max + 1).
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) current[j] = Math.min(current[j], before[j - 2] + 1);
      best = Math.min(best, current[j]);
    }
    if (best > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length];
}

/**
 * The candidates nearest to `word` (a third of its length in edits at most), nearest first; among
 * equally near ones, the larger `weight` first (a town's population), then alphabetical.
 */
export function closest(word: string, candidates: Iterable<string>, limit = 3, weight: (candidate: string) => number = () => 0): string[] {
  const max = Math.max(1, Math.floor(word.length / 3));
  const scored: [string, number][] = [];
  for (const candidate of candidates) {
    const d = editDistance(word, candidate, max);
    if (d <= max) scored.push([candidate, d]);
  }
  return scored
    .sort((x, y) => x[1] - y[1] || weight(y[0]) - weight(x[0]) || x[0].localeCompare(y[0]))
    .slice(0, limit)
    .map(([c]) => c);
}
