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

test("the dashboard — map, timeline, preview image — runs under the policy with no violation", async ({ page }) => {
  const violations: string[] = [];
  await page.exposeFunction("reportViolation", (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => (window as unknown as { reportViolation(v: string): void }).reportViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} ${e.sample}`));
  });
  await page.goto("/?city=shanghai&from=2023");
  await viewsReady(page);
  const image = await page.locator('meta[property="og:image"]').getAttribute("content");
  const loaded = await page.evaluate(
    (src) => new Promise<number>((resolve) => Object.assign(new Image(), { src, onload: (e: Event) => resolve((e.target as HTMLImageElement).naturalWidth), onerror: () => resolve(0) })),
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
