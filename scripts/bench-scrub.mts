// `npx tsx scripts/bench-scrub.mts [baseURL] [path]`: time from a timeline drag step to the map's update,
// in headless Chromium against a running server. Prints figures; asserts nothing.
import { chromium } from "@playwright/test";
import { measureScrub } from "./scrub-measure";

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const path = process.argv[3] ?? "/?from=2019-01-01&to=2020-12-31";
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: ["--no-sandbox"] });
const { median, p95, count, steps } = await measureScrub(browser, base + path);
console.log(`${base}${path}: ${steps} drag steps, ${count} map updates`);
console.log(`gesture → map update: median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);
await browser.close();
