import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Frame, Page } from "@playwright/test";
import { hostScriptCode, iframeCode } from "../lib/embed/embed-code";
import { seriousViolations } from "./axe";
import { expect, test } from "./fixtures";
import { baseURL } from "./ports";

/*
 * Issue 19: a view embedded in another site. The host page is served from a second loopback address
 * (127.0.0.2), so the frame is cross-site, and it uses the embed code the "Embed" dialog gives: the
 * sandbox without allow-same-origin, and /embed.js to fit the frame to its content.
 */

interface Message {
  type: string;
  v: number;
  height?: number;
  url?: string;
  at: number;
}

/** The host page: the frame at `width`, a link after it, and every message of ours it receives, timed. */
function hostPage(view: string, width: string) {
  const theme = new URLSearchParams(view).get("theme");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A host page</title></head>
<body style="margin: 16px">
<h1>A newsroom's article</h1>
<script>
  window.messages = [];
  window.frameLoads = [];
  addEventListener("message", (e) => {
    if (e.data && typeof e.data.type === "string" && e.data.type.startsWith("edu-coop-timeline:")) messages.push({ ...e.data, at: performance.now() });
  });
</script>
<div style="width: ${width}">
${iframeCode({ src: `${baseURL}/embed${view}`, title: "The embedded view", width: "100%", height: 400, theme: theme === "dark" || theme === "light" ? theme : "auto" })}
</div>
<script>document.querySelector("iframe").addEventListener("load", () => frameLoads.push(performance.now()));</script>
<p><a id="after" href="#after">After the frame</a></p>
${hostScriptCode(baseURL)}
</body></html>`;
}

let host: Server;
let hostURL: string;

test.beforeAll(async () => {
  host = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.2");
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    response.end(hostPage(url.searchParams.get("view") ?? "", url.searchParams.get("width") ?? "100%"));
  });
  await new Promise<void>((resolve) => host.listen(0, "127.0.0.2", resolve));
  hostURL = `http://127.0.0.2:${(host.address() as AddressInfo).port}/`;
});

test.afterAll(() => new Promise<void>((resolve) => host.close(() => resolve())));

const messages = (page: Page) => page.evaluate(() => (window as unknown as { messages: Message[] }).messages);
const viewUrls = async (page: Page) => (await messages(page)).filter((m) => m.type === "edu-coop-timeline:view").map((m) => m.url);
const heights = async (page: Page) => (await messages(page)).filter((m) => m.type === "edu-coop-timeline:height");

async function openHost(page: Page, view: string, width = "100%") {
  await page.goto(`${hostURL}?${new URLSearchParams({ view, width })}`);
  await expect.poll(() => page.frames().find((f) => f.url().startsWith(`${baseURL}/embed`))).toBeTruthy();
  const frame = () => page.frames().find((f) => f.url().startsWith(`${baseURL}/embed`))!;
  await expect(frame().getByTestId("match-count")).toBeVisible();
  return frame;
}

/** How far the iframe's height on the host page is from its content's inside the frame (Infinity while the frame loads a view). */
async function frameAndContent(page: Page, frame: Frame) {
  try {
    const outer = await page.locator("iframe").evaluate((el) => el.getBoundingClientRect().height);
    const inner = await frame.locator(".embed").evaluate((el) => el.getBoundingClientRect().height, undefined, { timeout: 1000 });
    return Math.abs(outer - inner);
  } catch {
    return Infinity;
  }
}

test("an embedded view loads in the sandbox, reports its height and view, and the host script fits the frame", async ({ page }) => {
  const frame = await openHost(page, "?city=shanghai");
  // The frame's origin is opaque: the sandbox is in force (and nothing it ran needed storage: no console error).
  expect(await frame().evaluate(() => window.origin)).toBe("null");
  await expect(frame().getByTestId("open-full-view")).toHaveAttribute("href", "/?city=shanghai");
  await expect(frame().getByTestId("open-full-view")).toHaveAttribute("target", "_blank");

  const frameLoads = () => page.evaluate(() => (window as unknown as { frameLoads: number[] }).frameLoads);
  await expect.poll(async () => (await frameLoads()).length).toBeGreaterThan(0);
  await expect.poll(async () => (await heights(page)).length).toBeGreaterThan(0);
  const [firstHeight] = await heights(page);
  const [loadedAt] = await frameLoads();
  expect(firstHeight.at - loadedAt, "the height arrives within 500 ms of the frame's load").toBeLessThanOrEqual(500);
  await expect.poll(() => frameAndContent(page, frame()), "the frame is as tall as its content").toBeLessThanOrEqual(2);
  await expect.poll(() => viewUrls(page)).toContain(`${baseURL}/?city=shanghai`);
});

test("a filter changed in the frame sends the new height and view; set-view from the host shows another view", async ({ page }) => {
  const frame = await openHost(page, "?city=shanghai");
  await expect.poll(() => viewUrls(page)).toContain(`${baseURL}/?city=shanghai`);
  const before = (await heights(page)).length;

  // "clear" in the summary removes the place filter: the frame loads the whole view.
  await frame().locator(".summary a").click();
  await expect.poll(() => viewUrls(page)).toContain(`${baseURL}/`);
  await expect.poll(async () => (await heights(page)).length).toBeGreaterThan(before);
  await expect.poll(() => frameAndContent(page, frame())).toBeLessThanOrEqual(2);

  await page.evaluate(() =>
    document.querySelector("iframe")!.contentWindow!.postMessage({ type: "edu-coop-timeline:set-view", v: 1, query: "?city=beijing" }, "*"),
  );
  await expect.poll(() => viewUrls(page)).toContain(`${baseURL}/?city=beijing`);
  await expect(frame().getByTestId("view-sentence")).toContainText("Beijing");
  // A message of another shape is ignored, and never shown.
  await page.evaluate(() =>
    document
      .querySelector("iframe")!
      .contentWindow!.postMessage({ type: "edu-coop-timeline:set-view", v: 1, query: { html: "<b>hello</b>" } }, "*"),
  );
  await expect(frame().getByTestId("view-sentence")).toContainText("Beijing");
});

test("the embedded view fits a 320 px column, has no serious axe violation, and keyboard focus leaves the frame", async ({ page }) => {
  const frame = await openHost(page, "?city=shanghai", "320px");
  expect(await frame().evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  await expect.poll(() => frameAndContent(page, frame())).toBeLessThanOrEqual(2);
  const serious = (await seriousViolations(frame())).map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious).toEqual([]);

  await frame().getByTestId("open-full-view").focus();
  await page.keyboard.press("Tab");
  await expect(page.locator("#after")).toBeFocused();
});

// A chosen theme wins over the reader's setting, both ways: the page behind the view, the panels and the
// map's sea take it (the reader here prefers the opposite).
for (const [theme, reader, wash, sea] of [
  ["dark", "light", "rgb(17, 21, 28)", "rgb(15, 26, 38)"],
  ["light", "dark", "rgb(244, 246, 250)", "rgb(205, 223, 234)"],
] as const) {
  test(`theme=${theme} shows the frame ${theme} to a reader who prefers ${reader}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: reader });
    const frame = await openHost(page, `?city=shanghai&theme=${theme}`);
    await expect(page.locator("iframe")).toHaveCSS("color-scheme", theme);
    await expect(frame().locator("html")).toHaveCSS("background-color", wash);
    await expect(frame().locator(".map-view__map, .map-preview__frame").first()).toHaveCSS("background-color", sea);
  });
}

test("the embed asks to be framed by anyone, the dashboard by no one", async ({ request }) => {
  const embed = await request.get("/embed?city=shanghai");
  expect(embed.headers()["content-security-policy"]).toContain("frame-ancestors *");
  expect(embed.headers()["x-frame-options"]).toBeUndefined();
  const dashboard = await request.get("/?city=shanghai");
  expect(dashboard.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(await dashboard.text()).toContain('type="application/json+oembed"');
  const oembed = await request.get(`/api/oembed?${new URLSearchParams({ url: `${baseURL}/?city=shanghai`, maxwidth: "400" })}`);
  expect(oembed.status()).toBe(200);
  expect(await oembed.json()).toMatchObject({ type: "rich", version: "1.0", width: 400 });
});

test("the Embed dialog gives the view's iframe code; Escape closes it and focus returns to its button", async ({ page }) => {
  await page.goto("/?city=shanghai");
  const button = page.getByRole("button", { name: "Embed", exact: true });
  await button.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Embed this view" });
  await expect(dialog).toBeVisible();
  const code = dialog.getByRole("textbox", { name: "Embed code" });
  await expect(code).toHaveValue(new RegExp(`src="${baseURL}/embed\\?city=shanghai"`));
  const written = await code.inputValue();
  expect(written).toContain('sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"');
  expect(written).toContain('loading="lazy"');
  expect(written).toMatch(/title="[^"]*Shanghai[^"]*"/);
  expect(written).toContain(`<script async src="${baseURL}/embed.js"></script>`);
  await dialog.getByRole("checkbox", { name: "Fit the frame to its content" }).uncheck();
  await expect(code).not.toHaveValue(/embed\.js/);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
});
