import { gzipSync } from "node:zlib";
import { expect, test, viewsReady } from "./fixtures";

/*
 * Bundle budgets (issue 7): sizes do not depend on the machine, so they are tests. The first HTML's
 * scripts must stay within 150 KiB gzipped (not counting `nomodule` polyfills), and everything the
 * dashboard loads, map and timeline included, within 350 KiB; the basemap arrives as data, not JS.
 */
const KiB = 1024;
const gz = (body: Buffer) => gzipSync(body).length;

// The embedded view (issue 19) has the dashboard's budget: a host page's readers pay for it too.
for (const path of ["/", "/embed"]) {
  test(`the first HTML of ${path} loads at most 150 KiB of JavaScript, gzipped`, async ({ request }) => {
    const html = await (await request.get(path)).text();
    const sources = [...html.matchAll(/<script\b([^>]*)>/g)]
      .filter(([, attributes]) => !/\bnoModule\b|\bnomodule\b/.test(attributes))
      .map(([, attributes]) => /\bsrc="([^"]+)"/.exec(attributes)?.[1])
      .filter((src): src is string => Boolean(src));
    expect(sources.length).toBeGreaterThan(0);
    let total = 0;
    for (const src of new Set(sources)) total += gz(await (await request.get(src)).body());
    console.log(`first-load JS of ${path}: ${(total / KiB).toFixed(1)} KiB gzipped in ${new Set(sources).size} scripts`);
    expect(total).toBeLessThanOrEqual(150 * KiB);
  });
}

test("the whole dashboard loads at most 350 KiB of JavaScript, and the basemap as data", async ({ page }) => {
  const scripts: Promise<{ url: string; size: number; topology: boolean }>[] = [];
  const data: string[] = [];
  page.on("response", (response) => {
    const type = response.request().resourceType();
    if (type === "script") {
      scripts.push(response.body().then((body) => ({ url: response.url(), size: gz(body), topology: body.includes('"Topology"') })));
    } else if (response.url().includes("/basemap/")) data.push(response.url());
  });
  await page.goto("/");
  await viewsReady(page);
  await expect.poll(() => data.some((url) => url.endsWith(".json"))).toBe(true);
  await page.waitForLoadState("networkidle");
  const loaded = await Promise.all(scripts);
  const total = loaded.reduce((sum, s) => sum + s.size, 0);
  console.log(`dashboard JS: ${(total / KiB).toFixed(1)} KiB gzipped in ${loaded.length} scripts`);
  expect(total).toBeLessThanOrEqual(350 * KiB);
  expect(loaded.filter((s) => s.topology).map((s) => s.url)).toEqual([]);
  // The preview's drawing (SVG), then the live map's data: the coarse scale only, on the first view.
  expect(data.map((url) => new URL(url).pathname).sort()).toEqual(["/basemap/countries-110m.json", "/basemap/countries-110m.svg"]);
});
