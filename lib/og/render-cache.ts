import "server-only";
import { LRUCache } from "lru-cache";
import { createLimiter } from "./limiter";

export interface RenderCacheOptions<C> {
  render: (context: C) => Promise<Uint8Array>;
  /** Renders running at once. */
  concurrency?: number;
  /** Distinct renders waiting for a slot before new ones are refused (QueueFullError). */
  maxQueued?: number;
  /** Bytes of rendered images kept in memory, least recently used dropped first. */
  maxBytes?: number;
}

/**
 * Each distinct key is rendered once: kept in a byte-bounded LRU, identical concurrent requests
 * share one render (lru-cache's `fetch` coalesces them), and renders go through a bounded queue.
 */
export function createRenderCache<C>({ render, concurrency = 2, maxQueued = 256, maxBytes = 64 * 1024 * 1024 }: RenderCacheOptions<C>) {
  const limiter = createLimiter(concurrency, maxQueued);
  const cache = new LRUCache<string, Uint8Array, C>({
    maxSize: maxBytes,
    sizeCalculation: (png) => Math.max(1, png.byteLength),
    // Errors (a full queue, a failed render) reject the fetch and are not cached.
    fetchMethod: (_key, _stale, { context }) => limiter.run(() => render(context)),
  });
  // lru-cache types `context` through a conditional type that a generic C cannot resolve.
  const fetchWith = cache.fetch.bind(cache) as (key: string, options: { context: C }) => Promise<Uint8Array | undefined>;
  return {
    async get(key: string, context: C): Promise<Uint8Array> {
      const png = await fetchWith(key, { context });
      if (!png) throw new Error(`render for ${key} returned nothing`);
      return png;
    },
    stats: () => ({ entries: cache.size, bytes: cache.calculatedSize, active: limiter.active, queued: limiter.queued }),
  };
}
