import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, securityHeaders } from "@/lib/http/security-headers";
import { UNAVAILABLE_MARK, VERSION_HEADER } from "@/lib/data-version/data-version.mjs";
import { newNonce } from "@/lib/http/nonce.mjs";
import { acceptsGzip, cacheKey, createPageCache, replay, requestCacheable, storedEntry } from "./page-cache.mjs";

const browser = { host: "127.0.0.1:3000", "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36", accept: "text/html" };
const get = (url: string, headers: Record<string, string> = {}) => ({ method: "GET", url, headers: { ...browser, ...headers } });

const VERSION = "0123456789ab";
/** A page as Next answers it: the nonce in the CSP header and on every script, inline payload included. */
function rendered(nonce: string, extra: Record<string, string> = {}) {
  const html = `<html><head><script src="/a.js" nonce="${nonce}"></script></head><body><script nonce="${nonce}">self.__next_f.push([1,"{\\"nonce\\":\\"${nonce}\\"}"])</script></body></html>`;
  const headers = Object.fromEntries(Object.entries(securityHeaders({ nonce })).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    status: 200,
    headers: {
      ...headers,
      "content-type": "text/html; charset=utf-8",
      vary: "rsc, Accept-Encoding",
      date: "Mon, 01 Jan 2024 00:00:00 GMT",
      "content-length": "123",
      [VERSION_HEADER]: VERSION,
      ...extra,
    },
    body: Buffer.from(html),
  };
}

/** Kept under the version the page was rendered from, as server.mjs keeps it. */
const keep = (response: ReturnType<typeof rendered>) => storedEntry(response, VERSION);

describe("requestCacheable", () => {
  it("takes page loads, GET and HEAD, with any query", () => {
    expect(requestCacheable(get("/"))).toBe(true);
    expect(requestCacheable(get("/?city=shanghai&from=2023&to=2025&lang=zh"))).toBe(true);
    expect(requestCacheable(get("/?q=%E4%B8%8A%ZZ&&=&city"))).toBe(true);
    expect(requestCacheable({ ...get("/sources/abc"), method: "HEAD" })).toBe(true);
  });

  it("leaves the API, build output, preview images and other methods to Next", () => {
    for (const url of ["/api/events?city=beijing", "/api", "/_next/static/chunks/a.js", "/og?city=x", "/og"])
      expect(requestCacheable(get(url))).toBe(false);
    expect(requestCacheable({ ...get("/"), method: "POST" })).toBe(false);
    expect(requestCacheable(get("/ogre"))).toBe(true); // a page (a 404 here), not a preview image
  });

  it("passes the App Router's own requests through: they answer RSC payloads, which vary on these headers", () => {
    expect(requestCacheable(get("/?_rsc=1x2y"))).toBe(false);
    expect(requestCacheable(get("/?city=a&_rsc=1"))).toBe(false);
    const routerHeaders: Record<string, string>[] = [
      { rsc: "1" },
      { "next-router-state-tree": "%5B%5D" },
      { "next-router-prefetch": "1" },
      { "next-url": "/" },
      { purpose: "prefetch" },
      { "sec-purpose": "prefetch;prerender" },
      { range: "bytes=0-10" },
    ];
    for (const headers of routerHeaders) {
      expect(requestCacheable(get("/", headers))).toBe(false);
    }
  });

  it("passes bots through: Next puts their metadata elsewhere", () => {
    expect(requestCacheable(get("/", { "user-agent": "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)" }))).toBe(false);
    expect(requestCacheable(get("/", { "user-agent": "Mozilla/5.0 (compatible; Googlebot/2.1)" }))).toBe(false);
  });

  it("takes for a bot every user agent Next 16.4 renders as one, and no ordinary browser", () => {
    // One user agent per pattern of Next's own list (is-bot.js, html-bots.js), which is not public.
    const nexts = [
      "Googlebot/2.1",
      "Mediapartners-Google",
      "AdsBot-Google",
      "Google-InspectionTool/1.0",
      "Chrome-Lighthouse",
      "Yahoo! Slurp",
      "DuckDuckBot/1.1",
      "Baiduspider/2.0",
      "YandexBot/3.0",
      "Sogou web spider/4.0",
      "bitlybot/3.0",
      "Tumblr/14.0",
      "vkShare",
      "quora link preview",
      "redditbot/1.0",
      "ia_archiver",
      "bingbot/2.0",
      "BingPreview/1.0b",
      "Applebot/0.1",
      "facebookexternalhit/1.1",
      "facebookcatalog/1.0",
      "Twitterbot/1.0",
      "LinkedInBot/1.0",
      "Slackbot 1.0",
      "Discordbot/2.0",
      "WhatsApp/2.23",
      "SkypeUriPreview Preview/0.5",
      "Yeti/1.1",
      "googleweblight",
    ];
    for (const agent of nexts)
      expect(requestCacheable(get("/", { "user-agent": `Mozilla/5.0 (compatible; ${agent})` })), agent).toBe(false);
    const browsers = [
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36",
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1",
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:135.0) Gecko/20100101 Firefox/135.0",
      "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Mobile Safari/537.36",
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0.0.0 Safari/537.36",
    ];
    for (const agent of browsers) expect(requestCacheable(get("/", { "user-agent": agent })), agent).toBe(true);
  });
});

describe("cacheKey", () => {
  it("separates versions, hosts (absolute preview URLs) and every spelling of the URL", () => {
    const keys = new Set([
      cacheKey(get("/?a=1"), "v1"),
      cacheKey(get("/?a=1"), "v2"),
      cacheKey(get("/?a=1", { host: "example.org" }), "v1"),
      cacheKey(get("/?a=%31"), "v1"),
    ]);
    expect(keys.size).toBe(4);
    expect(cacheKey(get("/", { host: "EXAMPLE.org" }), "v")).toBe(cacheKey(get("/", { host: "example.org" }), "v"));
  });
});

describe("acceptsGzip", () => {
  it("reads Accept-Encoding's names and q values", () => {
    expect(acceptsGzip("gzip, deflate, br")).toBe(true);
    expect(acceptsGzip("br;q=1.0, GZIP;q=0.5")).toBe(true);
    expect(acceptsGzip("*")).toBe(true);
    expect(acceptsGzip("gzip;q=0")).toBe(false);
    expect(acceptsGzip("br, deflate")).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});

describe("storedEntry and replay", () => {
  it("gives every replay its own nonce, everywhere the rendered one was, header included", () => {
    const entry = keep(rendered("OLD+nonce/0123456789ab=="))!;
    const nonce = newNonce();
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    const { headers, body } = replay(entry, nonce);
    const html = body.toString();
    expect(html).not.toContain("OLD+nonce");
    expect(html.split(nonce).length - 1).toBe(3);
    const replayed = Object.fromEntries(headers);
    expect(replayed["content-security-policy"]).toBe(contentSecurityPolicy({ nonce }));
    expect(replayed["x-frame-options"]).toBe("DENY");
    expect(replayed["vary"]).toBe("rsc, Accept-Encoding");
    // Per response: the server writes its own.
    expect(replayed).not.toHaveProperty("date");
    expect(replayed).not.toHaveProperty("content-length");
    expect(replay(entry, newNonce()).body.toString()).not.toBe(html);
  });

  it("replays no header with the render's nonce: a Link preload gets the fresh one too", () => {
    const old = newNonce();
    const link = `</_next/static/media/a.woff2>; rel=preload; as="font"; crossorigin="", </_next/static/chunks/b.js>; rel=preload; as="script"; nonce="${old}"`;
    const entry = keep(rendered(old, { link }))!;
    const nonce = newNonce();
    const { headers, body } = replay(entry, nonce);
    expect(JSON.stringify(headers)).not.toContain(old);
    expect(body.toString()).not.toContain(old);
    expect(Object.fromEntries(headers).link).toBe(link.replace(old, nonce));
    // A header Node keeps as a list of values is swapped in each.
    const listed = replay(keep({ ...rendered(old), headers: { ...rendered(old).headers, link: [link, link] } as never })!, nonce);
    expect(JSON.stringify(listed.headers)).not.toContain(old);
  });

  it("does not keep a page carrying its nonce in a spelling the replay would not find", () => {
    const old = newNonce();
    const page = rendered(old);
    expect(keep({ ...page, body: Buffer.concat([page.body, Buffer.from(`<a href="/?n=${encodeURIComponent(old)}">`)]) })).toBeNull();
    expect(keep(rendered(old, { link: `</x?n=${encodeURIComponent(old)}>; rel=preload` }))).toBeNull();
  });

  it("replays the body unchanged apart from the nonce", () => {
    const page = rendered("N0nce/with+chars==");
    const { body } = replay(keep(page)!, "N0nce/with+chars==");
    expect(body.equals(page.body)).toBe(true);
  });

  it("keeps only 200 HTML pages with a nonce and no cookie", () => {
    expect(keep(rendered("abc"))).not.toBeNull();
    expect(keep({ ...rendered("abc"), status: 404 })).toBeNull();
    expect(keep({ ...rendered("abc"), status: 503 })).toBeNull();
    expect(keep(rendered("abc", { "content-type": "text/x-component" }))).toBeNull();
    expect(keep(rendered("abc", { "set-cookie": "a=b" }))).toBeNull();
    expect(keep(rendered("abc", { "content-security-policy": "default-src 'self'" }))).toBeNull();
  });

  it("keeps a page only under the dataset version its render read", () => {
    // The files changed before the store looked again: the render is of the older version.
    expect(storedEntry(rendered("abc"), "fedcba987654")).toBeNull();
    // No version said (a render the proxy did not see): nothing to vouch for it.
    const { [VERSION_HEADER]: _version, ...unversioned } = rendered("abc").headers;
    expect(storedEntry({ ...rendered("abc"), headers: unversioned }, VERSION)).toBeNull();
  });

  it("never keeps the page saying the data is unavailable (the store failed during the render)", () => {
    const page = rendered("abc");
    const body = Buffer.from(page.body.toString().replace("<body>", `<body><main ${UNAVAILABLE_MARK}="">`));
    expect(keep({ ...page, body })).toBeNull();
  });
});

describe("createPageCache", () => {
  it("stays within its byte bound however many distinct pages arrive", () => {
    const cache = createPageCache(1_000_000);
    const entry = keep({ ...rendered("abc"), body: Buffer.alloc(50_000, "x") })!;
    for (let i = 0; i < 1000; i++) cache.set(cacheKey(get(`/?q=${i}`), "v"), entry);
    expect(cache.calculatedSize).toBeLessThanOrEqual(1_000_000);
    expect(cache.size).toBeLessThan(20);
    expect(cache.get(cacheKey(get("/?q=999"), "v"))).toBe(entry);
  });

  it("does not keep a page larger than an eighth of the bound", () => {
    const cache = createPageCache(1_000_000);
    cache.set("big", keep({ ...rendered("abc"), body: Buffer.alloc(200_000, "x") })!);
    expect(cache.has("big")).toBe(false);
  });
});
