import "server-only";
/** Raised when the queue is full: the caller answers 503 with Retry-After instead of piling up work. */
export class QueueFullError extends Error {
  constructor() {
    super("Too many renders waiting");
    this.name = "QueueFullError";
  }
}

/**
 * Runs at most `concurrency` tasks at once and keeps at most `maxQueued` waiting. Rendering a
 * preview is CPU-bound on the server's one event loop: a few at a time leaves room between them for
 * every other request, where starting all of them at once starved the API for seconds.
 */
export function createLimiter(concurrency: number, maxQueued: number) {
  let active = 0;
  const waiting: (() => void)[] = [];

  // A finished task hands its slot straight to the first waiter, so `active` never exceeds the limit.
  const next = () => {
    const waiter = waiting.shift();
    if (waiter) waiter();
    else active--;
  };

  return {
    get active() {
      return active;
    },
    get queued() {
      return waiting.length;
    },
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (active >= concurrency) {
        if (waiting.length >= maxQueued) throw new QueueFullError();
        await new Promise<void>((resolve) => waiting.push(resolve));
      } else {
        active++;
      }
      try {
        // Let pending I/O (other routes' requests) run before this render takes the CPU.
        await new Promise((resolve) => setImmediate(resolve));
        return await task();
      } finally {
        next();
      }
    },
  };
}
