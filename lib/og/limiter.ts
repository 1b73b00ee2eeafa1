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
 *
 * A task given an AbortSignal that aborts while it waits leaves the queue (its place goes to the
 * next); aborted before its turn starts, it never runs. Either way `run` rejects with the signal's
 * reason. A task already running is the task's own to abandon: it gets the signal too.
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

  /** Waits for a slot; the slot is this caller's once the promise resolves. */
  const turn = (signal?: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      const waiter = () => {
        signal?.removeEventListener("abort", leave);
        resolve();
      };
      const leave = () => {
        waiting.splice(waiting.indexOf(waiter), 1);
        reject(signal!.reason);
      };
      waiting.push(waiter);
      signal?.addEventListener("abort", leave, { once: true });
    });

  return {
    get active() {
      return active;
    },
    get queued() {
      return waiting.length;
    },
    async run<T>(task: (signal?: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
      signal?.throwIfAborted();
      if (active >= concurrency) {
        if (waiting.length >= maxQueued) throw new QueueFullError();
        await turn(signal);
      } else {
        active++;
      }
      try {
        // Let pending I/O (other routes' requests) run before this render takes the CPU.
        await new Promise((resolve) => setImmediate(resolve));
        // A client that left meanwhile (its abort was among that I/O) costs no render.
        signal?.throwIfAborted();
        return await task(signal);
      } finally {
        next();
      }
    },
  };
}
