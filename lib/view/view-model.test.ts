import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { syntheticDataset } from "../../scripts/synthetic-data";
import { indexDataset } from "../data/dataset";
import { filterEvents, facetBase } from "../search/filter";
import { mapPoints, pointsFromTally } from "../map/map-points";
import { memorySnapshot } from "../data/memory-store";
import { EMPTY_QUERY } from "../query/query";
import { decodeScrubColumns, encodeScrubColumns, tallyWindow } from "../timeline/scrub-index";
import { DAY_MS } from "../core/time-window";
import { bucketItems } from "../timeline/timeline-density";
import { computeView, LIST_PAGE } from "./view-model";

const big = indexDataset(syntheticDataset(20_000));
const store = memorySnapshot(big, "v1");

describe("the server-computed view", () => {
  it("carries the view, not the dataset: one page of rows, density buckets, a size independent of the event count", async () => {
    const view = await computeView(store, EMPTY_QUERY);
    expect(view.matched).toBe(20_000);
    expect(view.list).toHaveLength(LIST_PAGE);
    expect(view.timeline.mode).toBe("density");
    expect(view.timeline.events).toEqual([]);
    expect(JSON.stringify(view).length).toBeLessThan(150_000);
  });

  it("draws the selected event over the density buckets", async () => {
    const id = big.events[777].id;
    const view = await computeView(store, { ...EMPTY_QUERY, event: id });
    expect(view.timeline.mode).toBe("density");
    expect(view.timeline.events.map((e) => e.id)).toEqual([id]);
    expect(view.selected?.id).toBe(id);
  });

  it("writes the density bars in the reader's language", async () => {
    const { timeline } = await computeView(store, { ...EMPTY_QUERY, lang: "zh" });
    const bars = bucketItems(timeline.density!, new Map(timeline.groups.map((g) => [g.id, g.title])), "category", timeline.text);
    expect(bars.length).toBeGreaterThan(0);
    expect(bars[0].title).toMatch(/^\d{4}年(第\d季度)?：[\d,]+ 个事件，点击放大\n\S+$/);
  });

  it("names its scrub index by data version and the filters other than time", async () => {
    const view = await computeView(store, { ...EMPTY_QUERY, city: ["shanghai"], from: "2019", to: "2020" });
    expect(view.scrubIndexUrl).toBe("/api/scrub?city=shanghai&v=v1");
  });
});

describe("the scrub index", () => {
  const query = { ...EMPTY_QUERY, category: ["conference"] };
  const base = facetBase(big, query, "time");
  const columns = decodeScrubColumns(encodeScrubColumns(base, big).buffer);
  const day = fc.integer({ min: Date.UTC(2013, 0, 1) / DAY_MS, max: Date.UTC(2027, 0, 1) / DAY_MS });

  it("counts, per window, exactly what the server's filter matches, place by place", () => {
    fc.assert(
      fc.property(day, day, fc.integer({ min: 0, max: DAY_MS - 1 }), (a, b, offset) => {
        const window = { startMs: Math.min(a, b) * DAY_MS + offset, endMs: Math.max(a, b) * DAY_MS + offset };
        const live = tallyWindow(columns, window, big.dataset.places.length);
        const server = filterEvents(big, query, window);
        expect(live.matched).toBe(server.length);
        const expected = mapPoints(server, big);
        expect(pointsFromTally(live.tally, big.dataset.places)).toEqual(expected.points);
        expect(live.tally.unmapped).toBe(expected.unmapped);
      }),
      { numRuns: 200 },
    );
  });

  it("is 11 bytes an event", () => {
    expect(encodeScrubColumns(base, big).byteLength).toBe(4 + 11 * base.length);
  });
});
