import { expect as plainExpect, test as plainTest } from "@playwright/test";
import { expect, test, viewsReady } from "./fixtures";

const routes = ["/", "/api/events?city=beijing", "/og?city=shanghai", "/no-such-page"];

for (const route of routes) {
  plainTest(`${route} carries the security headers`, async ({ request }) => {
    const headers = (await request.get(route)).headers();
    const csp = headers["content-security-policy"];
    plainExpect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'(;|$)/);
    plainExpect(csp).not.toContain("unsafe-eval");
    plainExpect(csp).toContain("frame-ancestors 'none'");
    plainExpect(csp).toContain("object-src 'none'");
    plainExpect(headers["x-content-type-options"]).toBe("nosniff");
    plainExpect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    plainExpect(headers["permissions-policy"]).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
    plainExpect(headers["x-frame-options"]).toBe("DENY");
  });
}

plainTest("each page response has its own nonce, and the page's scripts carry it", async ({ request }) => {
  const [a, b] = await Promise.all([request.get("/"), request.get("/")]);
  const nonce = (r: typeof a) => /'nonce-([^']+)'/.exec(r.headers()["content-security-policy"])![1];
  plainExpect(nonce(a)).not.toBe(nonce(b));
  const html = await a.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  plainExpect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) plainExpect(tag).toContain(`nonce="${nonce(a)}"`);
});

// npm start keeps rendered pages (server.mjs) and replays them with a fresh nonce: the same URL twice
// is a render, then a replay. An unknown parameter makes the URL this test's own, so the first is a miss.
const fresh = (name: string) => `/?city=shanghai&from=2023&utm_test=${name}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
const nonceOf = (headers: Record<string, string>) => /'nonce-([^']+)'/.exec(headers["content-security-policy"])![1];

plainTest(
  "a page replayed from the cache has its own nonce, on every script and in its policy, and the same headers",
  async ({ request }) => {
    const url = fresh("replay");
    const [first, second, third] = [await request.get(url), await request.get(url), await request.get(url)];
    plainExpect([first, second, third].map((r) => r.headers()["x-page-cache"])).toEqual(["miss", "hit", "hit"]);
    const nonces = [first, second, third].map((r) => nonceOf(r.headers()));
    plainExpect(new Set(nonces).size).toBe(3);
    const pages = await Promise.all([first, second, third].map((r) => r.text()));
    for (const [i, html] of pages.entries()) {
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      plainExpect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) plainExpect(tag).toContain(`nonce="${nonces[i]}"`);
      for (const other of nonces.filter((n) => n !== nonces[i])) plainExpect(html).not.toContain(other);
    }
    // Apart from the nonce, the replay is the render, byte for byte, with the render's headers.
    plainExpect(pages[1].replaceAll(nonces[1], "N")).toBe(pages[0].replaceAll(nonces[0], "N"));
    // The nonce is swapped in every header (the policy, a Link preload), and no header keeps another's.
    const comparable = (h: Record<string, string>) => {
      const { date: _date, "x-page-cache": _cache, "content-length": _length, "transfer-encoding": _encoding, ...rest } = h;
      return Object.fromEntries(Object.entries(rest).map(([name, value]) => [name, value.replaceAll(nonceOf(h), "N")]));
    };
    plainExpect(comparable(second.headers())).toEqual(comparable(first.headers()));
    for (const [i, response] of [first, second, third].entries()) {
      const headers = JSON.stringify(response.headers());
      for (const other of nonces.filter((n) => n !== nonces[i])) plainExpect(headers).not.toContain(other);
    }
    const head = await request.head(url);
    plainExpect(head.status()).toBe(200);
    plainExpect(head.headers()["x-page-cache"]).toBe("hit");
    plainExpect(nonceOf(head.headers())).not.toBe(nonces[2]);
  },
);

plainTest("not kept: 404 pages, the API, and the App Router's own requests", async ({ request }) => {
  for (let i = 0; i < 2; i++) plainExpect((await request.get("/no-such-page")).headers()["x-page-cache"]).toBe("miss");
  plainExpect((await request.get("/api/events?city=beijing")).headers()["x-page-cache"]).toBeUndefined();
  const url = fresh("rsc");
  await request.get(url);
  const rsc = await request.get(url, { headers: { RSC: "1" } });
  plainExpect(rsc.headers()["x-page-cache"]).toBeUndefined();
  plainExpect(rsc.headers()["content-type"]).toContain("text/x-component");
});

test("a page replayed from the cache hydrates in the browser with no policy violation", async ({ page }) => {
  const violations: string[] = [];
  await page.exposeFunction("reportViolation", (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { reportViolation(v: string): void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const url = fresh("hydrate");
  await page.request.get(url);
  const response = await page.goto(url);
  expect(response!.headers()["x-page-cache"]).toBe("hit");
  expect(response!.headers()["content-encoding"]).toBe("gzip");
  await viewsReady(page);
  // Hydrated: selecting an event is handled by the page's scripts, without a new page load.
  await page.evaluate(() => ((window as unknown as { loadedOnce: boolean }).loadedOnce = true));
  await page.locator(".timeline-host [data-event-id]").first().click();
  await expect(page).toHaveURL(/event=/);
  expect(await page.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce)).toBe(true);
  expect(violations).toEqual([]); // and the fixture fails the test on any console error
});

test("the dashboard — map, timeline, preview image — runs under the policy with no violation", async ({ page }) => {
  const violations: string[] = [];
  await page.exposeFunction("reportViolation", (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { reportViolation(v: string): void }).reportViolation(
        `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} ${e.sample}`,
      ),
    );
  });
  await page.goto("/?city=shanghai&from=2023");
  await viewsReady(page);
  const image = await page.locator('meta[property="og:image"]').getAttribute("content");
  const loaded = await page.evaluate(
    (src) =>
      new Promise<number>((resolve) =>
        Object.assign(new Image(), {
          src,
          onload: (e: Event) => resolve((e.target as HTMLImageElement).naturalWidth),
          onerror: () => resolve(0),
        }),
      ),
    image!,
  );
  expect(loaded).toBe(1200);
  await page.locator(".timeline-host .vis-item").first().click();
  expect(violations).toEqual([]); // and the fixture fails the test on any console error
});

plainTest("preview images are cached: ETag, long-lived Cache-Control, 304 on revalidation", async ({ request }) => {
  const first = await request.get("/og?city=shanghai&from=2023");
  plainExpect(first.status()).toBe(200);
  const etag = first.headers()["etag"];
  plainExpect(etag).toMatch(/^"og-/);
  plainExpect(first.headers()["cache-control"]).toMatch(/public, max-age=\d{5,}/);
  // The same view written differently (order, case, unknown ids and params) is the same image.
  const same = await request.get("/og?from=2023&city=Shanghai,atlantis&utm_source=x&map=1,2,3");
  plainExpect(same.headers()["etag"]).toBe(etag);
  const revalidated = await request.get("/og?city=shanghai&from=2023", { headers: { "If-None-Match": etag } });
  plainExpect(revalidated.status()).toBe(304);
  plainExpect((await revalidated.body()).length).toBe(0);
});

plainTest("a long view title still renders a preview (fitted, not overflowing)", async ({ request }) => {
  const response = await request.get(`/og?q=${encodeURIComponent("a very long search ".repeat(10))}`);
  plainExpect(response.status()).toBe(200);
  plainExpect(response.headers()["content-type"]).toBe("image/png");
});
