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
