import { expect, test } from "@playwright/test";

// What server.mjs answers before Next (server/request-guard.mjs): methods the site does not serve and
// paths that do not decode, on every kind of route. Both used to answer 500.
const routes = [
  "/",
  "/?city=shanghai",
  "/sources/ichei-about-us",
  "/api/events?city=beijing",
  "/api/health",
  "/og?city=shanghai",
  "/basemap/countries-110m.json",
  "/no-such-page",
];

test("unsupported methods answer 405 with Allow on every route, never 500", async ({ request }) => {
  for (const route of routes) {
    for (const method of ["TRACE", "POST", "PUT", "DELETE", "PATCH", "PROPFIND"]) {
      const response = await request.fetch(route, { method, maxRedirects: 0 });
      expect(response.status(), `${method} ${route}`).toBe(405);
      expect(response.headers()["allow"], `${method} ${route}`).toBe("GET, HEAD, OPTIONS");
      expect(await response.text()).not.toMatch(/\bat\b.*\.(m?js|ts)/);
    }
    // A method Node's HTTP parser does not know is refused by Node itself, before any of our code.
    expect((await request.fetch(route, { method: "TRACK", maxRedirects: 0 })).status(), `TRACK ${route}`).toBe(400);
    const options = await request.fetch(route, { method: "OPTIONS" });
    expect(options.status(), `OPTIONS ${route}`).toBe(204);
    expect(options.headers()["allow"]).toBe("GET, HEAD, OPTIONS");
    expect((await request.head(route, { maxRedirects: 0 })).status(), `HEAD ${route}`).toBeLessThan(500);
  }
});

test("malformed paths answer 400 or 404, never 500", async ({ request }) => {
  const paths = [
    "/sources/%FF",
    "/%FF",
    "/sources/%E4%B8",
    "/sources/%",
    "/sources/%zz",
    "/sources/%C0%AF",
    "/sources/a%00b",
    "/api/%FF",
    "/og/%FF",
    "/_next/static/%FF",
  ];
  for (const path of paths) {
    for (const method of ["GET", "HEAD"]) {
      const status = (await request.fetch(path, { method, maxRedirects: 0 })).status();
      expect([400, 404], `${method} ${path} answered ${status}`).toContain(status);
    }
  }
  // A well-formed but unknown id is the page's own 404.
  expect((await request.get("/sources/%E4%B8%8A%E6%B5%B7")).status()).toBe(404);
});
