import { expect, test } from "@playwright/test";
import { renderGateURL } from "./ports";

// The render gate of server.mjs (server/render-gate.mjs), on a server started with a tight one:
// one render at once, none queued, six renders per client. New pages beyond it are refused at once
// (503 while the one slot is busy, 429 past the client's six), and what needs no render — a cached
// page, the API, a file — is answered all the same.
test("new pages beyond the render gate get 503 or 429 with Retry-After; cached pages, the API and files do not", async ({ request }) => {
  const run = Date.now().toString(36); // URLs this server has not seen
  const get = (path: string) => request.get(renderGateURL + path, { maxRedirects: 0 });

  // Renders 1–3, one after the other: the slot is free each time. `/` is now cached.
  for (const path of ["/", `/?q=${run}-a`, `/?q=${run}-b`]) expect((await get(path)).status(), path).toBe(200);

  // Renders 4–6 at once: the first takes the one slot, the others find it busy and no queue.
  const together = await Promise.all(["c", "d", "e"].map((q) => get(`/?q=${run}-${q}`)));
  const statuses = together.map((r) => r.status()).sort();
  expect(statuses[0]).toBe(200);
  expect(statuses).toContain(503);
  for (const refused of together.filter((r) => r.status() === 503)) {
    expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
    expect(refused.headers()["cache-control"]).toBe("no-store");
  }

  // A seventh new page: over this client's rate.
  const tooMany = await get(`/?q=${run}-f`);
  expect(tooMany.status()).toBe(429);
  expect(Number(tooMany.headers()["retry-after"])).toBeGreaterThan(0);

  // Never gated.
  const cached = await get("/");
  expect(cached.status()).toBe(200);
  expect(cached.headers()["x-page-cache"]).toBe("hit");
  expect((await get("/api/health")).status()).toBe(200);
  expect((await get("/api/events?city=beijing")).status()).toBe(200);
  expect((await get("/basemap/countries-110m.json")).status()).toBe(200);
});
