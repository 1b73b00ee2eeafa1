// `npm run bench`: how the pure logic scales with the dataset (10³–10⁵ events). Prints figures; asserts nothing.
import os from "node:os";
import { performance } from "node:perf_hooks";
import { indexDataset } from "../lib/data/dataset";
import { facets } from "../lib/search/facets";
import { filterEvents } from "../lib/search/filter";
import { mapPoints } from "../lib/map/map-points";
import { EMPTY_QUERY, type Query } from "../lib/query/query";
import { eventRow } from "../lib/view/rows";
import { timelineItems } from "../lib/timeline/timeline-items";
import { validateDataset, type RawDataset } from "../lib/data/validate";
import { syntheticDataset } from "./synthetic-data";

function median(run: () => unknown, times = 15): number {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    run();
    samples.push(performance.now() - t0);
  }
  return samples.sort((a, b) => a - b)[Math.floor(times / 2)];
}

const ms = (n: number) => `${n.toFixed(2)} ms`.padStart(11);
const scrub: Query = { ...EMPTY_QUERY, from: "2019-03-01", to: "2020-08-31" };
const busy: Query = { ...EMPTY_QUERY, city: ["shanghai", "beijing"], category: ["conference"], q: "stem" };

console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? "cpu"} ×${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`);
console.log(
  "events  | validate+index | filter (none) | filter (window) | filter (3 params+q) | facet counts | map points | timeline items",
);
for (const count of [1_000, 10_000, 100_000]) {
  const dataset = syntheticDataset(count);
  const load = median(() => indexDataset(validateDataset(dataset as unknown as RawDataset).dataset!), 3);
  const index = indexDataset(dataset);
  const matched = filterEvents(index, scrub);
  const row = [
    String(count).padStart(7),
    ms(load),
    ms(median(() => filterEvents(index, EMPTY_QUERY))),
    ms(median(() => filterEvents(index, scrub))),
    ms(median(() => filterEvents(index, busy))),
    ms(median(() => facets(index, busy))),
    ms(median(() => mapPoints(matched, index))),
    ms(
      median(() =>
        timelineItems(
          filterEvents(index, busy).map((e) => eventRow(e, index)),
          "category",
        ),
      ),
    ),
  ];
  console.log(row.join(" | "));
}
