import "server-only";
import { LRUCache } from "lru-cache";
import { createLimiter } from "./limiter";

export interface RenderCacheOptions<C> {
  /** Draws one image; `signal` aborts when every client waiting for it has left (check it between stages). */
  render: (context: C, signal: AbortSignal) => Promise<Uint8Array>;
  /** Renders running at once. */
  concurrency?: number;
  /** Distinct renders waiting for a slot before new ones are refused (QueueFullError). */
  maxQueued?: number;
  /** Bytes of rendered images kept in memory, least recently used dropped first. */
  maxBytes?: number;
}

/** A render under way and how many clients wait for it. */
interface Job {
  done: Promise<Uint8Array>;
  clients: number;
  controller: AbortController;
}

/** `promise`, or the signal's reason as soon as the signal aborts (the promise runs on regardless). */
function untilAborted<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const leave = () => reject(signal.reason);
    if (signal.aborted) return leave();
    signal.addEventListener("abort", leave, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", leave));
  });
}

/**
 * Each distinct key is rendered once: kept in a byte-bounded LRU, identical concurrent requests
 * share one render, and renders go through a bounded queue. A render is abandoned when the last
 * client waiting for it leaves (its request's signal aborts): a queued one leaves the queue, a
 * running one stops at its next stage, and nothing is kept, so an aborted request costs no further CPU.
 */
export function createRenderCache<C>({ render, concurrency = 2, maxQueued = 256, maxBytes = 64 * 1024 * 1024 }: RenderCacheOptions<C>) {
  const limiter = createLimiter(concurrency, maxQueued);
  const cache = new LRUCache<string, Uint8Array>({ maxSize: maxBytes, sizeCalculation: (png) => Math.max(1, png.byteLength) });
  const jobs = new Map<string, Job>();

  function start(key: string, context: C): Job {
    const controller = new AbortController();
    const done = limiter
      .run(() => render(context, controller.signal), controller.signal)
      .then((png) => {
        // Errors (a full queue, a failed or abandoned render) are not kept: the next request tries again.
        if (!png?.byteLength) throw new Error(`render for ${key} returned nothing`);
        cache.set(key, png);
        return png;
      });
    const job = { done, clients: 0, controller };
    // Nobody may be waiting when an abandoned render rejects: that is not an unhandled rejection.
    done.catch(() => {}).finally(() => jobs.get(key) === job && jobs.delete(key));
    jobs.set(key, job);
    return job;
  }

  return {
    /** The image for `key`, rendered with `context` if need be; rejects with `signal`'s reason once it aborts. */
    async get(key: string, context: C, signal?: AbortSignal): Promise<Uint8Array> {
      const kept = cache.get(key);
      if (kept) return kept;
      signal?.throwIfAborted();
      const job = jobs.get(key) ?? start(key, context);
      job.clients++;
      try {
        return await untilAborted(job.done, signal);
      } finally {
        // The last client left before the render finished: abandon it, and let the next request start afresh.
        if (--job.clients === 0 && signal?.aborted && jobs.get(key) === job) {
          jobs.delete(key);
          job.controller.abort(signal?.reason);
        }
      }
    },
    stats: () => ({ entries: cache.size, bytes: cache.calculatedSize, active: limiter.active, queued: limiter.queued }),
  };
}
