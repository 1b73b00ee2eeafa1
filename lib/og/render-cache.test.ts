import { describe, expect, it } from "vitest";
import { createRenderCache } from "./render-cache";
import { QueueFullError } from "./limiter";

const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));

function counting() {
  const calls: string[] = [];
  let active = 0;
  let peak = 0;
  const render = async (ctx: string) => {
    calls.push(ctx);
    peak = Math.max(peak, ++active);
    await tick();
    active--;
    return new TextEncoder().encode(`png:${ctx}`);
  };
  return { calls, render, peak: () => peak };
}

describe("createRenderCache", () => {
  it("renders identical concurrent requests once and serves repeats from memory", async () => {
    const r = counting();
    const cache = createRenderCache({ render: r.render });
    const results = await Promise.all(Array.from({ length: 20 }, () => cache.get("k", "k")));
    expect(r.calls).toEqual(["k"]);
    expect(new Set(results).size).toBe(1);
    await cache.get("k", "k");
    expect(r.calls).toHaveLength(1);
  });

  it("never runs more renders at once than its limit", async () => {
    const r = counting();
    const cache = createRenderCache({ render: r.render, concurrency: 2 });
    await Promise.all(Array.from({ length: 12 }, (_, i) => cache.get(`k${i}`, `k${i}`)));
    expect(r.calls).toHaveLength(12);
    expect(r.peak()).toBe(2);
  });

  it("refuses new distinct renders when the queue is full, and recovers", async () => {
    const r = counting();
    const cache = createRenderCache({ render: r.render, concurrency: 1, maxQueued: 2 });
    const outcomes = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => cache.get(`k${i}`, `k${i}`)));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(3);
    const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(rejected.map((o) => o.reason)).toEqual([expect.any(QueueFullError), expect.any(QueueFullError)]);
    await expect(cache.get("k4", "k4")).resolves.toBeInstanceOf(Uint8Array); // a refusal is not cached
  });

  it("drops the least recently used images beyond its byte budget", async () => {
    const r = counting();
    const cache = createRenderCache({ render: r.render, maxBytes: 12 }); // "png:kN" is 6 bytes: two fit
    await cache.get("k1", "k1");
    await cache.get("k2", "k2");
    await cache.get("k1", "k1"); // k1 is now the most recent
    await cache.get("k3", "k3"); // evicts k2
    expect(cache.stats().entries).toBe(2);
    await cache.get("k1", "k1");
    await cache.get("k2", "k2");
    expect(r.calls).toEqual(["k1", "k2", "k3", "k2"]);
  });
});

describe("createRenderCache: clients that leave", () => {
  /** A render that waits for `release` and says whether it ran to the end or was abandoned at its stage check. */
  function controlled() {
    const started: string[] = [];
    const finished: string[] = [];
    const gates = new Map<string, () => void>();
    const render = async (ctx: string, signal: AbortSignal) => {
      started.push(ctx);
      await new Promise<void>((resolve) => gates.set(ctx, resolve));
      signal.throwIfAborted(); // the stage check of a real render
      finished.push(ctx);
      return new TextEncoder().encode(`png:${ctx}`);
    };
    const release = async (ctx: string) => {
      while (!gates.has(ctx)) await tick(1);
      gates.get(ctx)!();
      gates.delete(ctx);
    };
    return { started, finished, render, release };
  }

  it("never starts a queued render whose only client left: its place goes to the next", async () => {
    const r = controlled();
    const cache = createRenderCache({ render: r.render, concurrency: 1 });
    const first = cache.get("a", "a");
    const leaving = new AbortController();
    const abandoned = cache.get("b", "b", leaving.signal);
    const third = cache.get("c", "c");
    leaving.abort();
    await expect(abandoned).rejects.toThrow(/abort/i);
    expect(cache.stats().queued).toBe(1);
    await r.release("a");
    await r.release("c");
    await Promise.all([first, third]);
    expect(r.started).toEqual(["a", "c"]);
    expect(cache.stats()).toMatchObject({ entries: 2, active: 0, queued: 0 });
  });

  it("abandons a running render when its last client leaves, keeps nothing, and renders afresh for the next", async () => {
    const r = controlled();
    const cache = createRenderCache({ render: r.render });
    const leaving = new AbortController();
    const abandoned = cache.get("a", "a", leaving.signal);
    while (r.started.length === 0) await tick(1);
    leaving.abort();
    await expect(abandoned).rejects.toThrow(/abort/i);
    await r.release("a");
    await tick();
    expect(r.finished).toEqual([]);
    expect(cache.stats()).toMatchObject({ entries: 0, active: 0 });
    const again = cache.get("a", "a");
    await r.release("a");
    await expect(again).resolves.toBeInstanceOf(Uint8Array);
    expect(r.started).toEqual(["a", "a"]);
  });

  it("goes on rendering for the clients still waiting when one of them leaves", async () => {
    const r = controlled();
    const cache = createRenderCache({ render: r.render });
    const leaving = new AbortController();
    const left = cache.get("a", "a", leaving.signal);
    const staying = cache.get("a", "a", new AbortController().signal);
    leaving.abort();
    await expect(left).rejects.toThrow(/abort/i);
    await r.release("a");
    await expect(staying).resolves.toBeInstanceOf(Uint8Array);
    expect(r.finished).toEqual(["a"]);
  });

  it("does not start for a client already gone", async () => {
    const r = controlled();
    const cache = createRenderCache({ render: r.render });
    await expect(cache.get("a", "a", AbortSignal.abort())).rejects.toThrow(/abort/i);
    await tick();
    expect(r.started).toEqual([]);
  });
});

describe("createLimiter", () => {
  it("keeps the limit when tasks arrive while a slot is being handed over", async () => {
    const { createLimiter } = await import("./limiter");
    const limiter = createLimiter(2, 100);
    let active = 0;
    let peak = 0;
    const task = async () => {
      peak = Math.max(peak, ++active);
      await tick(Math.random() * 5);
      active--;
    };
    const all: Promise<void>[] = [];
    for (let i = 0; i < 30; i++) {
      all.push(limiter.run(task));
      if (i % 3 === 0) await tick(1);
    }
    await Promise.all(all);
    expect(peak).toBe(2);
    expect(limiter.active).toBe(0);
  });
});
