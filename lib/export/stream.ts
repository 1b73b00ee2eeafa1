import "server-only";
import { setImmediate as nextTurn } from "node:timers/promises";
import type { StoredEvent } from "../data/dataset";
import type { ExportWriter } from "./writer";

/**
 * How long one slice of an export may hold the event loop. Timed, not counted: an ICS event costs
 * several CSV rows, and a slower machine renders fewer events in the same time. Between slices the
 * stream yields to the event loop, so other requests (`/api/health`, pages) are answered meanwhile.
 */
export const SLICE_MS = 8;
/** The clock is read every so many events: reading it per event would cost more than a short event. */
const CLOCK_EVERY = 16;

export interface ExportStreamOptions {
  /**
   * Called once, when the stream stops needing its export slot (`slots.ts`): written to the end,
   * failed, cancelled by its reader, or its reader took nothing for `idleMs`, before the first read or
   * between two (a download that stalls must not keep others waiting; it goes on if its reader comes back).
   */
  release?: () => void;
  idleMs?: number;
}

/** The events of an export: a list, or a store's stream of batches (a database reads them by the cursorful). */
export type ExportSource = readonly StoredEvent[] | AsyncIterable<readonly StoredEvent[]>;

/**
 * The file as a byte stream, rendered one time slice per read and only as fast as its reader takes
 * it (`highWaterMark: 0`: nothing is rendered ahead), so a slow download holds one slice in memory
 * and a reader that leaves (cancel) stops the rendering, and closes the store's stream.
 */
export function exportStream(writer: ExportWriter, source: ExportSource, options: ExportStreamOptions = {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const batches: AsyncIterator<readonly StoredEvent[]> | null = isList(source) ? null : source[Symbol.asyncIterator]();
  let batch: readonly StoredEvent[] = isList(source) ? source : [];
  let next = 0;
  let written = 0;
  let drained = batches === null; // no batch is left to ask the source for
  let started = false;
  let finished = false;
  let idle: NodeJS.Timeout | undefined;
  let releaseOnce = options.release;
  const release = () => {
    clearTimeout(idle);
    releaseOnce?.();
    releaseOnce = undefined;
  };
  const finish = () => {
    finished = true;
    release();
    // A store's stream left early (the reader cancelled, or rendering failed) frees its cursor.
    if (!drained) void batches?.return?.();
  };
  // Armed until the first read too: a response nobody reads (its client left while it waited for a
  // slot) must not keep the slot for good.
  const armIdle = () => {
    if (!releaseOnce || !options.idleMs) return;
    idle = setTimeout(release, options.idleMs);
    idle.unref();
  };
  armIdle();
  const ended = () => drained && next === batch.length;
  /** Asks the source for its next batch once the current one is written. */
  const refill = async () => {
    while (!drained && next === batch.length) {
      const result = await batches!.next();
      if (result.done) drained = true;
      else [batch, next] = [result.value, 0];
    }
  };
  /**
   * The next slice's text, the head first and the tail last: "" when its events wrote nothing
   * (GeoJSON leaves unmapped ones out). A slice goes on across batches while its time lasts.
   */
  const slice = async (): Promise<string> => {
    const sliceStart = performance.now();
    let text = started ? "" : writer.head;
    started = true;
    for (;;) {
      await refill();
      if (finished) return "";
      while (next < batch.length) {
        text += writer.event(batch[next++]);
        if (++written % CLOCK_EVERY === 0 && performance.now() - sliceStart >= SLICE_MS) return ended() ? text + writer.tail() : text;
      }
      if (drained) return text + writer.tail();
    }
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        clearTimeout(idle);
        try {
          let text = "";
          // A read must be answered with a chunk (or the end), else it waits for good: slices that
          // wrote nothing are followed by more, still yielding between them.
          do {
            if (started) await nextTurn();
            if (finished) return;
            text = await slice();
            if (finished) return;
          } while (!text && !ended());
          if (text) controller.enqueue(encoder.encode(text));
          if (ended()) {
            controller.close();
            finish();
          } else armIdle();
        } catch (error) {
          finish();
          controller.error(error);
        }
      },
      cancel: finish,
    },
    { highWaterMark: 0 },
  );
}

function isList(source: ExportSource): source is readonly StoredEvent[] {
  return Array.isArray(source);
}
