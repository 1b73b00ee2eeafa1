// `npx tsx --conditions=react-server scripts/bench-search.ts [count]`: what the text search (lib/search/search.ts) costs at scale —
// building its index, answering first-time queries, and the memory it holds. Prints figures; asserts nothing.
import { performance } from "node:perf_hooks";
import { indexDataset } from "../lib/data/dataset";
import { facets } from "../lib/search/facets";
import { filterEvents } from "../lib/search/filter";
import { EMPTY_QUERY } from "../lib/query/query";
import { searchEvents, suggestSearch } from "../lib/search/search";
import { syntheticDataset } from "./synthetic-data";

const count = Number(process.argv[2] ?? 100_000);
const mb = () => `${Math.round(process.memoryUsage().rss / 2 ** 20)} MB RSS`;
const time = (run: () => unknown) => {
  const t0 = performance.now();
  run();
  return `${(performance.now() - t0).toFixed(1)} ms`;
};

const index = indexDataset(syntheticDataset(count));
global.gc?.();
console.log(`${count} synthetic events indexed: ${mb()}`);
console.log(`search index built on the first search ("stem"): ${time(() => searchEvents(index, "stem"))}, ${mb()}`);
global.gc?.();
console.log(`after GC: ${mb()}`);
// For comparison: what the search did before, a substring test of every event's text.
console.log(
  `verbatim scan of every event (the search before): ${time(() => index.events.filter((e) => e.searchText.includes("teacher education")))}`,
);
// Each query is new to the cache: these are first-time answers, as a new link would get.
for (const q of ["teacher education", "Shangai", "unesco ichei", "上海", "联合国教科文组织", "digitl lerning", "xyzzy"]) {
  let n = 0;
  const took = time(() => (n = filterEvents(index, { ...EMPTY_QUERY, q }).length));
  console.log(`q=${JSON.stringify(q)}: ${n} events in ${took}`);
}
console.log(`facet counts for q="higher educaton" (first time): ${time(() => facets(index, { ...EMPTY_QUERY, q: "higher educaton" }))}`);
const accepts = (c: string) => filterEvents(index, { ...EMPTY_QUERY, q: c }).length > 0;
let suggestion: string | null = null;
console.log(
  `suggestion for "Shanghia" with no match: ${time(() => (suggestion = suggestSearch(index, "Shanghia", accepts)))} → ${suggestion}`,
);
console.log(`finally: ${mb()}`);
