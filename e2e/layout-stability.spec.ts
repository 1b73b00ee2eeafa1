import { expect, test, viewsReady } from "./fixtures";

/*
 * The server-rendered page holds the places of what mounts later (map, timeline, year fields): when
 * they arrive, nothing the reader is looking at jumps. Measured as the browser's layout-shift score
 * (the sum Lighthouse reports as CLS) over the whole load.
 */
const screens = [
  { name: "desktop 1400×900", use: { viewport: { width: 1400, height: 900 } } },
  { name: "laptop 1024×768", use: { viewport: { width: 1024, height: 768 } } },
  { name: "phone 390×844", use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } },
];

for (const screen of screens) {
  test.describe(screen.name, () => {
    test.use(screen.use);
    for (const path of ["/", "/?city=shanghai&rows=organization"]) {
      test(`the page does not jump while the map and timeline load: ${path}`, async ({ page }) => {
        await page.addInitScript(() => {
          const w = window as unknown as { layoutShift: number };
          w.layoutShift = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) w.layoutShift += (entry as unknown as { value: number }).value;
          }).observe({ type: "layout-shift", buffered: true });
        });
        await page.goto(path);
        await viewsReady(page);
        await page.waitForLoadState("networkidle");
        const shift = await page.evaluate(() => (window as unknown as { layoutShift: number }).layoutShift);
        expect(shift).toBeLessThan(0.02);
      });
    }
  });
}
