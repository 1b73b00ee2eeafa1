import { describe, expect, it, vi } from "vitest";
import { exportFixtureIndex } from "../data/test-fixtures";
import type { IndexedEvent } from "../data/dataset";
import { csvWriter } from "./csv";
import { geoJsonWriter } from "./geojson";
import { icsWriter } from "./ics";
import { jsonWriter } from "./json";
import { exportStream, SLICE_MS } from "./stream";
import { writeAll, type ExportContext, type ExportWriter } from "./writer";

const index = exportFixtureIndex();
const context: ExportContext = { names: index, total: index.events.length, lang: "zh", site: "https://example.org" };
// Keeps a leading byte-order mark: the CSV must carry one.
const decoder = new TextDecoder("utf-8", { ignoreBOM: true });

/** Every chunk the stream gives, decoded. */
async function chunksOf(stream: ReadableStream<Uint8Array>, onChunk?: (chunks: string[]) => void): Promise<string[]> {
  const chunks: string[] = [];
  const reader = stream.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    chunks.push(decoder.decode(r.value));
    onChunk?.(chunks);
  }
  return chunks;
}

/** A writer whose every event holds the thread for `ms`, as a slow format at 10⁵ events would. */
function slowWriter(ms: number, calls = { count: 0 }): ExportWriter {
  return {
    head: "[",
    event: () => {
      calls.count++;
      const until = performance.now() + ms;
      while (performance.now() < until);
      return "e";
    },
    tail: () => "]",
  };
}

const many = (n: number) => Array.from({ length: n }, () => index.events[0]) as IndexedEvent[];

describe("exportStream", () => {
  it.each([
    ["csv", () => csvWriter(context)],
    ["json", () => jsonWriter(context, index.events.length)],
    ["geojson", () => geoJsonWriter(context, index.events.length)],
    ["ics", () => icsWriter(context, { calendarName: "日历", dtstamp: new Date(0) })],
  ])("writes the same %s, byte for byte, as the whole file at once", async (_format, writer) => {
    const events = [...index.events, ...index.events];
    expect((await chunksOf(exportStream(writer(), events))).join("")).toBe(writeAll(writer(), events));
  });

  it("writes the head and tail of an empty export", async () => {
    expect((await chunksOf(exportStream(slowWriter(0), []))).join("")).toBe("[]");
  });

  it("renders in slices of about SLICE_MS and lets other work run between them", async () => {
    let timerRanAfterChunks = -1;
    let read = 0;
    const reading = chunksOf(exportStream(slowWriter(0.25), many(200)), (sofar) => (read = sofar.length));
    setTimeout(() => (timerRanAfterChunks = read), 0);
    const chunks = await reading;
    expect(chunks.join("")).toBe(`[${"e".repeat(200)}]`);
    // 200 × 0.25 ms = 50 ms of rendering: several slices, and the timer ran long before the end.
    expect(chunks.length).toBeGreaterThanOrEqual(50 / (SLICE_MS + 16 * 0.25));
    expect(timerRanAfterChunks).toBeGreaterThanOrEqual(0);
    expect(timerRanAfterChunks).toBeLessThan(chunks.length - 1);
  });

  it("renders nothing before it is read, and stops when its reader cancels", async () => {
    const calls = { count: 0 };
    const release = vi.fn();
    const stream = exportStream(slowWriter(0.25, calls), many(400), { release });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls.count).toBe(0);
    const reader = stream.getReader();
    await reader.read();
    const afterOneSlice = calls.count;
    expect(afterOneSlice).toBeGreaterThan(0);
    expect(afterOneSlice).toBeLessThan(400);
    await reader.cancel();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls.count).toBe(afterOneSlice);
    expect(release).toHaveBeenCalledTimes(1);
  });

  it("releases its slot once: at the end, or earlier when its reader stalls", async () => {
    const atEnd = vi.fn();
    await chunksOf(exportStream(slowWriter(0.25), many(100), { release: atEnd, idleMs: 1_000 }));
    expect(atEnd).toHaveBeenCalledTimes(1);

    const stalled = vi.fn();
    const reader = exportStream(slowWriter(0.25), many(200), { release: stalled, idleMs: 30 }).getReader();
    await reader.read();
    expect(stalled).not.toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(stalled).toHaveBeenCalledTimes(1);
    // The download goes on when its reader comes back, without releasing again.
    let text = "";
    for (let r = await reader.read(); !r.done; r = await reader.read()) text += decoder.decode(r.value);
    expect(text.endsWith("]")).toBe(true);
    expect(stalled).toHaveBeenCalledTimes(1);
  });

  it("goes on past slices that write nothing, as GeoJSON's unmapped events do", async () => {
    let n = 0;
    const sparse: ExportWriter = {
      head: "[",
      event: () => {
        const until = performance.now() + 0.1;
        while (performance.now() < until);
        return ++n === 500 ? "x" : "";
      },
      tail: () => "]",
    };
    // The head goes alone in the first chunk, then ~50 ms of silent events before the "x".
    expect((await chunksOf(exportStream(sparse, many(600)))).join("")).toBe("[x]");
  });

  it("releases the slot of a stream nobody reads", async () => {
    const release = vi.fn();
    exportStream(slowWriter(0), many(10), { release, idleMs: 20 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(release).toHaveBeenCalledTimes(1);
  });

  it("fails the stream, and releases, when a writer throws", async () => {
    const release = vi.fn();
    const broken: ExportWriter = {
      head: "",
      event: () => {
        throw new Error("bad record");
      },
      tail: () => "",
    };
    await expect(chunksOf(exportStream(broken, many(3), { release }))).rejects.toThrow("bad record");
    expect(release).toHaveBeenCalledTimes(1);
  });
});
