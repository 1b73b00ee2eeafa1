import { describe, expect, it } from "vitest";
import { ExportSlots } from "./slots";

describe("ExportSlots", () => {
  it("lets `size` run at once and hands a freed slot to the first in line", async () => {
    const slots = new ExportSlots(2, 5);
    const a = (await slots.acquire())!;
    const b = (await slots.acquire())!;
    const order: string[] = [];
    const c = slots.acquire().then((release) => (order.push("c"), release!));
    const d = slots.acquire().then((release) => (order.push("d"), release!));
    await Promise.resolve();
    expect(slots.load).toEqual({ running: 2, waiting: 2 });
    expect(order).toEqual([]);
    a();
    a(); // a second release gives nothing more away
    (await c)();
    const releaseD = await d;
    expect(order).toEqual(["c", "d"]);
    expect(slots.load).toEqual({ running: 2, waiting: 0 });
    b();
    releaseD();
    expect(slots.load).toEqual({ running: 0, waiting: 0 });
  });

  it("refuses at once when the line is full", async () => {
    const slots = new ExportSlots(1, 1);
    await slots.acquire();
    const waiting = slots.acquire();
    expect(await slots.acquire()).toBeNull();
    expect(slots.load).toEqual({ running: 1, waiting: 1 });
    void waiting;
  });

  it("takes a client that leaves out of the line", async () => {
    const slots = new ExportSlots(1, 3);
    const first = (await slots.acquire())!;
    const leaving = new AbortController();
    const gone = slots.acquire(leaving.signal);
    const next = slots.acquire();
    leaving.abort();
    expect(await gone).toBeNull();
    expect(slots.load.waiting).toBe(1);
    first();
    expect(await next).toBeTypeOf("function");
    expect(await slots.acquire(AbortSignal.abort())).toBeNull();
  });
});
