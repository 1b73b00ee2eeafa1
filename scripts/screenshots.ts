// `npx tsx scripts/screenshots.ts [baseURL]`: the dashboard at desktop and phone size, into screenshots/.
import { chromium } from "@playwright/test";

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const views = [
  { name: "desktop", width: 1400, height: 900, path: "/" },
  { name: "desktop-shanghai", width: 1400, height: 900, path: "/?city=shanghai&event=2025-09-21-iistem-inaugurated" },
  { name: "phone", width: 390, height: 844, path: "/" },
  { name: "phone-beijing", width: 390, height: 844, path: "/?city=beijing&event=2025-08-18-global-smart-education-conference" },
];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: ["--no-sandbox"] });
for (const view of views) {
  const page = await browser.newPage({ viewport: { width: view.width, height: view.height } });
  page.on("console", (m) => m.type() === "error" && console.log(`[${view.name}] console error: ${m.text()}`));
  await page.goto(base + view.path);
  await page.locator(".leaflet-marker-icon").first().waitFor();
  await page.locator(".vis-item").first().waitFor();
  await page.waitForTimeout(800);
  await page.screenshot({ path: `screenshots/${view.name}.png`, fullPage: false });
  console.log(`screenshots/${view.name}.png`);
  await page.close();
}
await browser.close();
