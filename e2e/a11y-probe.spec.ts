import AxeBuilder from "@axe-core/playwright";
import { test, viewsReady } from "./fixtures";

for (const scheme of ["light", "dark"] as const)
for (const [name, url, vp] of [["default", "/", null], ["shanghai", "/?city=shanghai", null], ["event", "/?event=2025-09-21-iistem-inaugurated", null], ["phone", "/", { width: 390, height: 844 }], ["facets", "/?city=shanghai", null], ["phoneevent", "/?event=2025-09-21-iistem-inaugurated", { width: 390, height: 844 }]] as const) {
  test(`probe ${scheme} ${name}`, async ({ page }) => {
    if (vp) await page.setViewportSize(vp);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(url);
    await viewsReady(page);
    if (name === "facets") await page.locator(".facets > summary").click();
    await page.screenshot({ path: `/tmp/shots-select/base-${scheme}-${name}.png` });
    const r = await new AxeBuilder({ page }).analyze();
    for (const v of r.violations) console.log(scheme, name, v.id, v.impact, v.nodes.length, v.nodes.slice(0, 4).map((n) => n.target.join(" ") + " :: " + n.failureSummary?.slice(0, 160).replace(/\n/g, " ")).join(" | "));
  });
}
