import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  clientOf,
  createClientBuckets,
  createRenderGate,
  createRenderSlots,
  gateSettings,
  rendersPage,
  staticFiles,
} from "./render-gate.mjs";

const settings = { concurrency: 2, queue: 3, burst: 30, perMinute: 60, trustForwarded: false };
/** Lets queued promises settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("rendersPage: what passes the gate", () => {
  const files = new Set(["/basemap/land.json", "/icon.svg", "/a b.txt"]);

  it("gates pages, whatever their query, and paths that only render the not-found page", () => {
    for (const url of ["/", "/?q=x7f3", "/sources", "/sources/ichei-about-us?from=2020", "/x.png?q=1", "/basemap/nope.json", "/apiary"]) {
      expect(rendersPage(url, files), url).toBe(true);
    }
  });

  it("never gates the API, build output, previews or the files served as they are", () => {
    for (const url of [
      "/api/health",
      "/api/events?q=x7f3",
      "/api",
      "/_next/static/chunks/a.js",
      "/og?city=shanghai",
      "/basemap/land.json",
      "/icon.svg?abc123",
      "/a%20b.txt",
      "http://localhost:3000/api/health",
    ]) {
      expect(rendersPage(url, files), url).toBe(false);
    }
  });

  it("gates what it cannot be sure of: dot segments, absolute-form pages, targets that do not parse", () => {
    for (const url of [
      "/og/../?q=1",
      "/api/..",
      "/basemap/./land.json",
      "/api/%2e%2e/?q=1",
      "/api/%2E/x",
      "http://localhost:3000/?q=1",
      "http://localhost:3000/api/%2e%2e/",
      "*",
      "//api/health",
      "",
    ]) {
      expect(rendersPage(url, files), url).toBe(true);
    }
  });
});

describe("staticFiles", () => {
  it("lists public/ (nested) and app/'s metadata files by URL path, and nothing else of app/", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "render-gate-"));
    mkdirSync(path.join(root, "public/basemap"), { recursive: true });
    mkdirSync(path.join(root, "app/sources"), { recursive: true });
    writeFileSync(path.join(root, "public/basemap/land.json"), "{}");
    writeFileSync(path.join(root, "public/robots.txt"), "");
    writeFileSync(path.join(root, "app/icon.svg"), "<svg/>");
    writeFileSync(path.join(root, "app/page.tsx"), "");
    writeFileSync(path.join(root, "app/sources/icon.svg"), "");
    expect([...staticFiles(root)].sort()).toEqual(["/basemap/land.json", "/icon.svg", "/robots.txt"]);
  });

  it("is empty without the folders (public/ is made by the build)", () => {
    expect(staticFiles(path.join(os.tmpdir(), "render-gate-no-such-folder")).size).toBe(0);
  });
});

describe("gateSettings", () => {
  it("has defaults sized for a two-core server", () => {
    expect(gateSettings({})).toEqual({ concurrency: 2, queue: 16, burst: 60, perMinute: 120, trustForwarded: false });
  });

  it("reads the environment, 0 included", () => {
    expect(
      gateSettings({
        RENDER_CONCURRENCY: "4",
        RENDER_QUEUE: "0",
        RENDER_CLIENT_BURST: "0",
        RENDER_CLIENT_PER_MINUTE: "120",
        RENDER_TRUST_FORWARDED: "1",
      }),
    ).toEqual({ concurrency: 4, queue: 0, burst: 0, perMinute: 120, trustForwarded: true });
  });

  it("stops the start with a clear message on a value that is not a whole number ≥ 0", () => {
    for (const value of ["-1", "2.5", "two", "1e400"]) {
      expect(() => gateSettings({ RENDER_QUEUE: value })).toThrow(/RENDER_QUEUE must be a whole number/);
    }
  });
});

describe("clientOf", () => {
  const request = (remoteAddress: string, forwarded?: string) => ({
    headers: forwarded === undefined ? {} : { "x-forwarded-for": forwarded },
    socket: { remoteAddress },
  });

  it("is the socket's IPv4 address, mapped into IPv6 or not", () => {
    expect(clientOf(request("203.0.113.7"))).toBe("203.0.113.7");
    expect(clientOf(request("::ffff:203.0.113.7"))).toBe("203.0.113.7");
  });

  it("is an IPv6 address's /64, however it is written", () => {
    const key = "2001:db8:0:1::/64";
    expect(clientOf(request("2001:db8:0:1:aaaa:bbbb:cccc:dddd"))).toBe(key);
    expect(clientOf(request("2001:db8::1:0:0:0:5"))).toBe(key);
    expect(clientOf(request("2001:0DB8:0000:0001::9"))).toBe(key);
    expect(clientOf(request("2001:db8:0:2::9"))).not.toBe(key);
    expect(clientOf(request("::1"))).toBe("0:0:0:0::/64");
  });

  it("ignores X-Forwarded-For unless told to trust it, then takes the address the proxy added (the last)", () => {
    expect(clientOf(request("10.0.0.2", "198.51.100.9"))).toBe("10.0.0.2");
    expect(clientOf(request("10.0.0.2", "1.2.3.4, 198.51.100.9"), true)).toBe("198.51.100.9");
    expect(clientOf(request("10.0.0.2"), true)).toBe("10.0.0.2");
  });
});

describe("createClientBuckets: the per-client rate", () => {
  it("allows a burst, then refuses with the seconds until the next render, then refills at the rate", () => {
    let now = 0;
    const buckets = createClientBuckets({ burst: 3, perMinute: 60, now: () => now });
    expect([buckets.take("a"), buckets.take("a"), buckets.take("a")]).toEqual([0, 0, 0]);
    expect(buckets.take("a")).toBe(1);
    expect(buckets.take("b")).toBe(0); // another client is not affected
    now += 500;
    expect(buckets.take("a")).toBe(1); // half a token: still refused, nothing spent
    now += 500;
    expect(buckets.take("a")).toBe(0);
    now += 60_000;
    expect([0, 1, 2, 3].map(() => buckets.take("a"))).toEqual([0, 0, 0, 1]); // refilled to the burst, no more
  });

  it("says a whole number of seconds, at least 1, even at a slow rate", () => {
    const buckets = createClientBuckets({ burst: 1, perMinute: 2, now: () => 0 });
    buckets.take("a");
    expect(buckets.take("a")).toBe(30);
  });

  it("is off with a burst of 0", () => {
    const buckets = createClientBuckets({ burst: 0, perMinute: 0, now: () => 0 });
    for (let i = 0; i < 100; i++) expect(buckets.take("a")).toBe(0);
  });

  it("remembers at most maxClients, forgetting the least recently seen, who start full again", () => {
    const buckets = createClientBuckets({ burst: 1, perMinute: 1, maxClients: 2, now: () => 0 });
    buckets.take("a");
    buckets.take("b");
    buckets.take("c"); // "a" is forgotten
    expect(buckets.size).toBe(2);
    expect(buckets.take("c")).toBeGreaterThan(0);
    expect(buckets.take("a")).toBe(0);
  });
});

describe("createRenderSlots: renders at once and the queue", () => {
  it("runs `concurrency` at once, queues `queue` first come first served, and refuses beyond", async () => {
    const slots = createRenderSlots({ concurrency: 2, queue: 2 });
    const first = await slots.acquire();
    const second = await slots.acquire();
    const order: string[] = [];
    const third = slots.acquire().then((release) => (order.push("third"), release));
    const fourth = slots.acquire().then((release) => (order.push("fourth"), release));
    expect(await slots.acquire()).toBeNull(); // the queue is full
    expect(slots.load).toEqual({ running: 2, waiting: 2 });

    first!();
    first!(); // a second release frees nothing more
    await settle();
    expect(order).toEqual(["third"]);
    expect(slots.load).toEqual({ running: 2, waiting: 1 });
    second!();
    (await third)!();
    (await fourth)!();
    expect(order).toEqual(["third", "fourth"]);
    expect(slots.load).toEqual({ running: 0, waiting: 0 });
  });

  it("frees a waiter's place when its client leaves, and never admits it", async () => {
    const slots = createRenderSlots({ concurrency: 1, queue: 1 });
    const running = await slots.acquire();
    const left = new AbortController();
    const waiting = slots.acquire(left.signal);
    left.abort();
    expect(await waiting).toBeNull();
    expect(slots.load).toEqual({ running: 1, waiting: 0 });
    const next = slots.acquire(); // the place is free again
    running!();
    expect(await next).toBeTypeOf("function");
    expect(await slots.acquire(left.signal)).toBeNull(); // already gone: not even queued
  });

  it("bounds nothing with a concurrency of 0", async () => {
    const slots = createRenderSlots({ concurrency: 0, queue: 0 });
    for (let i = 0; i < 50; i++) expect(await slots.acquire()).toBeTypeOf("function");
  });
});

describe("createRenderGate: both rules", () => {
  it("answers 503 with Retry-After, uncached, once the slots and the queue are full", async () => {
    const gate = createRenderGate(settings);
    const clients = ["a", "b", "c", "d", "e", "f"];
    const turns = clients.map((client) => gate.enter(client));
    await settle();
    expect(gate.load).toMatchObject({ running: 2, waiting: 3 });
    const refused = await turns[5];
    expect(refused).toEqual({ refusal: expect.objectContaining({ status: 503 }) });
    if (!("refusal" in refused) || !refused.refusal) throw new Error("expected a refusal");
    expect(refused.refusal.headers["Retry-After"]).toMatch(/^[1-9]\d*$/);
    expect(refused.refusal.headers["Cache-Control"]).toBe("no-store");
  });

  it("answers 429 with the seconds until the client's next render once it is over its rate, before it queues", async () => {
    const gate = createRenderGate({ ...settings, concurrency: 100, burst: 2, perMinute: 30 }, () => 0);
    expect(await gate.enter("a")).toHaveProperty("release");
    expect(await gate.enter("a")).toHaveProperty("release");
    const refused = await gate.enter("a");
    expect(refused).toEqual({ refusal: expect.objectContaining({ status: 429 }) });
    if (!("refusal" in refused) || !refused.refusal) throw new Error("expected a refusal");
    expect(refused.refusal.headers["Retry-After"]).toBe("2");
    expect(await gate.enter("b")).toHaveProperty("release"); // others still render
    expect(gate.load).toMatchObject({ running: 3, waiting: 0, clients: 2 });
  });

  it("keeps one flooder from filling the queue: its renders beyond its burst never wait", async () => {
    const gate = createRenderGate({ ...settings, burst: 3 }, () => 0);
    const flood = Array.from({ length: 50 }, () => gate.enter("flooder"));
    await settle();
    expect(gate.load).toMatchObject({ running: 2, waiting: 1 });
    void gate.enter("visitor");
    await settle();
    expect(gate.load).toMatchObject({ running: 2, waiting: 2 }); // the visitor queues, not refused
    const beyondBurst = await Promise.all(flood.slice(3));
    expect(beyondBurst.every((turn) => "refusal" in turn && turn.refusal?.status === 429)).toBe(true);
  });

  it("answers nothing to a client that left while it waited", async () => {
    const gate = createRenderGate({ ...settings, concurrency: 1, queue: 1 });
    await gate.enter("a");
    const left = new AbortController();
    const waiting = gate.enter("b", left.signal);
    left.abort();
    expect(await waiting).toEqual({ refusal: null });
  });
});
