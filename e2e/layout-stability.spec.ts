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
          const w = window as unknown as { layoutShift: number; shifted: string[] };
          w.layoutShift = 0;
          w.shifted = [];
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) {
              const shift = entry as unknown as {
                value: number;
                sources: { node?: Element; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
              };
              w.layoutShift += shift.value;
              // What moved, for the failure message: "SECTION.empty 109→208".
              for (const s of shift.sources)
                w.shifted.push(
                  `${s.node?.nodeName}.${s.node?.className} ${Math.round(s.previousRect.y)}→${Math.round(s.currentRect.y)} (${shift.value.toFixed(3)})`,
                );
            }
          }).observe({ type: "layout-shift", buffered: true });
        });
        await page.goto(path);
        await viewsReady(page);
        await page.waitForLoadState("networkidle");
        const { layoutShift, shifted } = await page.evaluate(() => {
          const w = window as unknown as { layoutShift: number; shifted: string[] };
          return { layoutShift: w.layoutShift, shifted: w.shifted };
        });
        expect(layoutShift, shifted.join("; ")).toBeLessThan(0.02);
      });
    }
  });
}
