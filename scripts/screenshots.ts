// `npx tsx scripts/screenshots.ts [baseURL]`: the views the README and docs show, at desktop and
// phone size, into docs/. Run against a production server (`npm run build && npm start`).
import { chromium } from "@playwright/test";
import { wakeUntilLive } from "./wake";

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const desktop = { viewport: { width: 1400, height: 900 } };
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const views = [
  { name: "screenshot", path: "/", ...desktop },
  { name: "shanghai", path: "/?city=shanghai", ...desktop },
  { name: "event", path: "/?event=2025-09-21-iistem-inaugurated", ...desktop },
  { name: "laptop", path: "/", viewport: { width: 1024, height: 768 } },
  { name: "phone", path: "/", ...phone },
  { name: "phone-event", path: "/?city=beijing&event=2025-08-18-global-smart-education-conference", ...phone },
  { name: "dark", path: "/?city=shanghai", ...desktop, colorScheme: "dark" as const },
  { name: "screenshot-zh", path: "/?lang=zh", ...desktop },
  // The first paint, before any gesture: the still previews of map and timeline.
  { name: "preview", path: "/", ...desktop, still: true },
];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: ["--no-sandbox"] });
for (const { name, path, still, ...options } of views as ((typeof views)[number] & { still?: boolean })[]) {
  const page = await browser.newPage(options);
  page.on("console", (m) => m.type() === "error" && console.log(`[${name}] console error: ${m.text()}`));
  await page.goto(base + path);
  if (still) await page.locator(".map-preview__pin").first().waitFor();
  else await wakeUntilLive(page);
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(600);
  await page.screenshot({ path: `docs/${name}.png` });
  console.log(`docs/${name}.png`);
  await page.close();
}
await browser.close();
