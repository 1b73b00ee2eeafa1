import { chromium } from "@playwright/test";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
await page.goto("http://127.0.0.1:3000/");
await page.waitForTimeout(1500);
console.log(await page.evaluate(() => {
  const count = (sel) => { const el = document.querySelector(sel); return el ? el.querySelectorAll("*").length : 0; };
  return { all: document.querySelectorAll("*").length, body: count("body"), masthead: count(".masthead"), facets: count(".facets") , filters: count(".sidebar-scroll > :first-child"), list: count("[data-testid=event-list]"), tlPreview: count("[data-testid=timeline-preview]"), mapPreview: count("[data-testid=map-preview]"), scripts: document.scripts.length, html: document.documentElement.outerHTML.length, rsc: [...document.scripts].filter(s => s.textContent.includes("__next_f")).reduce((n, s) => n + s.textContent.length, 0) };
}));
await browser.close();
