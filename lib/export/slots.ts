import "server-only";

/**
 * A bound on whole-dataset exports in progress: at most `size` at once, up to `queue` more waiting
 * their turn (first come, first served), and beyond that a refusal the route answers with 503 and
 * Retry-After. Waiting rather than refusing at once: someone who clicked "Download" gets the file a
 * little later instead of an error; a bounded queue: a flood gets quick refusals instead of piling up
 * connections. Each export is time-sliced anyway (`stream.ts`), so the bound is not what keeps the
 * server responsive: it keeps memory and the time each download takes bounded under load (twenty at
 * once each progressing at a twentieth of the speed would all be slow).
 */
export class ExportSlots {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly size: number,
    readonly queue: number,
  ) {}

  /**
   * A slot's release function once one is free (call it exactly when done; a second call does
   * nothing), or null: the queue is full, or `signal` aborted (the client left) while waiting.
   */
  acquire(signal?: AbortSignal): Promise<(() => void) | null> {
    if (signal?.aborted) return Promise.resolve(null);
    if (this.running < this.size) {
      this.running++;
      return Promise.resolve(this.releaser());
    }
    if (this.waiting.length >= this.queue) return Promise.resolve(null);
    return new Promise((resolve) => {
      const turn = () => {
        signal?.removeEventListener("abort", leave);
        resolve(this.releaser());
      };
      const leave = () => {
        const at = this.waiting.indexOf(turn);
        if (at !== -1) this.waiting.splice(at, 1);
        resolve(null);
      };
      this.waiting.push(turn);
      signal?.addEventListener("abort", leave, { once: true });
    });
  }

  /** How many exports hold a slot, and how many wait: for tests and logs. */
  get load() {
    return { running: this.running, waiting: this.waiting.length };
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      // The slot passes straight to the next in line, so `running` only drops when nobody waits.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    };
  }
}
