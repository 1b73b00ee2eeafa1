import { describe, expect, it } from "vitest";
import { exportFixtureIndex } from "../data/test-fixtures";
import type { IndexedEvent } from "../data/dataset";
import { EMPTY_QUERY } from "../query/query";
import { toCsv } from "./csv";
import { exportSlots, LARGE_EXPORT, renderExport } from "./render";
import type { ExportContext } from "./writer";

const index = exportFixtureIndex();
const context: ExportContext = { names: index, total: index.events.length, lang: "en", site: "https://example.org" };
/** A list as a store hands it to an export: its count, and a stream of one batch. */
const listed = (events: IndexedEvent[]) => ({
  matched: events.length,
  events: async function* () {
    yield events;
  },
});
const beijing = { ...EMPTY_QUERY, city: ["beijing"] };
const whole = Array.from({ length: LARGE_EXPORT + 1 }, (_, i) => index.events[i % index.events.length]) as IndexedEvent[];

describe("renderExport", () => {
  it("streams the file with the headers of a download", async () => {
    const response = await renderExport("csv", listed(index.events), context, beijing);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toContain('filename="china-unesco-education-events-city-beijing.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes)).toBe(toCsv(index.events, index, "en", "https://example.org"));
  });

  it("answers HEAD with the same headers, rendering nothing and taking no slot", async () => {
    const response = await renderExport("csv", listed(whole), context, beijing, { headersOnly: true });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain("city-beijing.csv");
    expect(response.body).toBeNull();
    expect(exportSlots.load).toEqual({ running: 0, waiting: 0 });
  });

  it("keeps JSON inline, naming the file a download link saves", async () => {
    const response = await renderExport("json", listed(index.events), context, EMPTY_QUERY);
    expect(response.headers.get("content-disposition")).toMatch(/^inline; filename="china-unesco-education-events\.json"/);
    expect(JSON.parse(await response.text())).toMatchObject({ total: 4, matched: 4 });
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    for (const [format, type] of [
      ["ics", "text/calendar; charset=utf-8"],
      ["geojson", "application/geo+json; charset=utf-8"],
    ] as const) {
      const file = await renderExport(format, listed(index.events), context, EMPTY_QUERY, { headersOnly: true });
      expect(file.headers.get("content-type")).toBe(type);
    }
  });

  it("lets two large exports render, queues eight, and refuses the next with 503 and Retry-After", async () => {
    const started = Array.from({ length: 10 }, () => renderExport("ics", listed(whole), context, EMPTY_QUERY));
    const running = await Promise.all(started.slice(0, 2));
    expect(running.map((r) => r.status)).toEqual([200, 200]);
    expect(exportSlots.load).toEqual({ running: 2, waiting: 8 });

    const refused = await renderExport("ics", listed(whole), context, EMPTY_QUERY);
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("10");
    expect(refused.headers.get("cache-control")).toBe("no-store");
    // A small export never waits behind the large ones.
    expect((await renderExport("ics", listed(index.events), context, EMPTY_QUERY)).status).toBe(200);

    // Each download that ends (here: its reader cancels) lets the next in line start.
    for (const pending of started) {
      const response = await pending;
      expect(response.status).toBe(200);
      await response.body!.cancel();
    }
    expect(exportSlots.load).toEqual({ running: 0, waiting: 0 });
  });
});
