import { placeCertaintyOf } from "../sources/certainty";
import type { DatasetIndex, IndexedEvent } from "../data/dataset";
import { emptyTally, type PlaceTally } from "../map/map-points";
import { DAY_MS, type TimeWindow } from "../core/time-window";

/**
 * What the browser needs to filter by time on every frame of a timeline drag, and nothing more: for
 * each event matching the other filters, its first and last day, its place and whether the place is
 * inferred — 11 bytes an event, as typed-array columns in one binary response.
 *
 * Layout: Uint32 count n, then Int32 startDay × n, Int32 endDay × n, Uint16 place × n (0 = none,
 * else 1 + the place's position in the dataset's list), Uint8 flags × n (1 = place inferred).
 */
export interface ScrubColumns {
  count: number;
  startDay: Int32Array;
  endDay: Int32Array;
  place: Uint16Array;
  flags: Uint8Array;
}

const INFERRED = 1;

/** The fields of an event the scrub columns hold. */
export type ScrubEvent = Pick<IndexedEvent, "startMs" | "endMs" | "place" | "placeCertainty">;

export function encodeScrubColumns(events: readonly ScrubEvent[], index: Pick<DatasetIndex, "placeOrder">): Uint8Array<ArrayBuffer> {
  const n = events.length;
  const buffer = new ArrayBuffer(4 + 11 * n);
  const columns = viewColumns(buffer, n);
  new Uint32Array(buffer, 0, 1)[0] = n;
  events.forEach((e, i) => {
    columns.startDay[i] = Math.floor(e.startMs / DAY_MS);
    columns.endDay[i] = Math.floor(e.endMs / DAY_MS);
    const place = e.place === undefined ? undefined : index.placeOrder.get(e.place);
    columns.place[i] = place === undefined ? 0 : place + 1;
    columns.flags[i] = place !== undefined && placeCertaintyOf(e) === "inferred" ? INFERRED : 0;
  });
  return new Uint8Array(buffer);
}

function viewColumns(buffer: ArrayBuffer, n: number): ScrubColumns {
  return {
    count: n,
    startDay: new Int32Array(buffer, 4, n),
    endDay: new Int32Array(buffer, 4 + 4 * n, n),
    place: new Uint16Array(buffer, 4 + 8 * n, n),
    flags: new Uint8Array(buffer, 4 + 10 * n, n),
  };
}

export function decodeScrubColumns(buffer: ArrayBuffer): ScrubColumns {
  const n = new Uint32Array(buffer, 0, 1)[0];
  if (buffer.byteLength !== 4 + 11 * n) throw new Error(`scrub index: ${buffer.byteLength} bytes for ${n} events`);
  return viewColumns(buffer, n);
}

/**
 * The events overlapping a window, counted in total and per place. Events are whole days, so
 * comparing day numbers is the same test as comparing milliseconds (see `overlaps`).
 */
export function tallyWindow(columns: ScrubColumns, window: TimeWindow, places: number): { matched: number; tally: PlaceTally } {
  const first = Math.floor(window.startMs / DAY_MS);
  const last = Math.floor(window.endMs / DAY_MS);
  const tally = emptyTally(places);
  const { startDay, endDay, place, flags } = columns;
  let matched = 0;
  for (let i = 0; i < columns.count; i++) {
    if (startDay[i] > last || endDay[i] < first) continue;
    matched++;
    const p = place[i];
    if (p === 0) {
      tally.unmapped++;
      continue;
    }
    tally.counts[p - 1]++;
    if (flags[i] & INFERRED) tally.inferred[p - 1]++;
  }
  return { matched, tally };
}
