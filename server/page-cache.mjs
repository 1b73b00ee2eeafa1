// The rules of the page cache that server.mjs puts in front of Next. Plain JS (no build step for
// `npm start`); its types are in page-cache.d.mts and its rules are unit-tested beside it.
//
// A page's HTML is a function of its URL (path and query, language included), the Host header
// (absolute preview URLs when SITE_URL is unset) and the dataset version (named as the store names
// it, by lib/data-version, and carried by each page in a header); the one per-response part
// is the CSP script nonce. So a rendered page is kept once and replayed with a fresh nonce
// substituted for the old one wherever it was: in the body, in the Content-Security-Policy header
// and in any other header (React puts it on the preloads of the `Link` header), so no response
// ever carries another's nonce.
import { LRUCache } from "lru-cache";
import { UNAVAILABLE_MARK, VERSION_HEADER } from "../lib/data-version/data-version.mjs";
import { nonceOf } from "../lib/http/nonce.mjs";

/**
 * Crawlers and link unfurlers. Next renders a page differently for the user agents it takes for bots
 * (metadata in the head instead of streamed, no dynamic response), and its test for them is not a
 * public API: this list is ours. It holds every pattern of Next 16.4's (Googlebot, the
 * html-limited bots) and is broader on purpose (any "bot", "crawl", "spider", "preview"): a browser
 * taken for a bot is merely answered uncached, while a bot taken for a browser could be served a
 * browser's page from the cache, or fill it with its own.
 */
const BOTS =
  /bot\b|bot[-/_]|crawl|spider|slurp|preview|Google|Chrome-Lighthouse|yandex|sogou|tumblr|vkShare|quora link preview|ia_archiver|applebot|facebookexternalhit|facebookcatalog|WhatsApp|SkypeUriPreview|Yeti|googleweblight/i;

// Not pages: the API, build output and preview images have their own caching (or none).
const NOT_PAGES = /^\/(api|_next|og)(\/|\?|$)/;

/**
 * Whether a request may be answered from the cache (and fill it). Navigations of the App Router
 * (RSC payloads, prefetches) vary on their headers and pass through; so do bots, whom Next answers
 * with differently placed metadata, and ranges, which a whole cached page does not answer.
 */
export function requestCacheable({ method, url, headers }) {
  if (method !== "GET" && method !== "HEAD") return false;
  if (!url?.startsWith("/") || NOT_PAGES.test(url)) return false;
  if (/[?&]_rsc(=|&|$)/.test(url)) return false;
  for (const name of Object.keys(headers)) {
    if (name === "rsc" || name.startsWith("next-") || name.startsWith("x-middleware") || name === "range") return false;
  }
  if (/prefetch/i.test(`${headers.purpose ?? ""} ${headers["sec-purpose"] ?? ""}`)) return false;
  return !BOTS.test(String(headers["user-agent"] ?? ""));
}

/** The raw path and query (never normalised: two spellings may render differently), per host and version. */
export function cacheKey({ url, headers }, version) {
  return `${version} ${String(headers.host ?? "").toLowerCase()} ${url}`;
}

/** Whether an Accept-Encoding header takes gzip (with a q above 0, named or as `*`). */
export function acceptsGzip(header) {
  return String(header ?? "")
    .split(",")
    .some((token) => {
      const [name, ...params] = token.split(";").map((s) => s.trim().toLowerCase());
      if (name !== "gzip" && name !== "*") return false;
      const q = params.find((p) => p.startsWith("q="));
      return q === undefined || Number(q.slice(2)) > 0;
    });
}

// Per response (or per connection): the replay computes its own.
const NOT_REPLAYED = new Set([
  "date",
  "content-length",
  "content-encoding",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "etag",
  "x-page-cache",
]);

/** The header values as the replay writes them: `nonce` wherever the stored one was. */
const swapNonce = (value, old, nonce) =>
  typeof value === "string" ? value.replaceAll(old, nonce) : Array.isArray(value) ? value.map((v) => swapNonce(v, old, nonce)) : value;

/**
 * A finished response as a cache entry under `version`, or null when it must not be kept: anything
 * but a 200 HTML page (404s, 503 of a refused dataset, redirects), a response setting a cookie, one
 * whose CSP names no nonce, one carrying the nonce in another spelling than its own (URL-encoded:
 * the replay could not swap it), or one rendered from another dataset version than the key's (the
 * files changed while the store had not looked yet, or an edit on disk was refused and an older
 * version is still served). The body is kept split around the nonce, so a replay only joins.
 */
export function storedEntry({ status, headers, body }, version) {
  if (status !== 200 || !/^text\/html\b/i.test(String(headers["content-type"] ?? ""))) return null;
  if (headers["set-cookie"] !== undefined) return null;
  if (headers[VERSION_HEADER] !== version) return null;
  if (body.includes(UNAVAILABLE_MARK)) return null; // the store failed during the render: never replayed
  const nonce = nonceOf(headers["content-security-policy"]);
  if (!nonce) return null;
  const encoded = encodeURIComponent(nonce);
  if (encoded !== nonce && (body.includes(encoded) || JSON.stringify(headers).includes(encoded))) return null;
  const needle = Buffer.from(nonce);
  const parts = [];
  let from = 0;
  for (let at = body.indexOf(needle); at !== -1; at = body.indexOf(needle, from)) {
    parts.push(body.subarray(from, at));
    from = at + needle.length;
  }
  parts.push(body.subarray(from));
  const kept = Object.entries(headers).filter(([name]) => !NOT_REPLAYED.has(name));
  return { headers: kept, nonce, parts, size: body.length };
}

/** The entry's response with `nonce` in place of the stored one, everywhere it was. */
export function replay(entry, nonce) {
  const fresh = Buffer.from(nonce);
  const chunks = entry.parts.flatMap((part, i) => (i === 0 ? [part] : [fresh, part]));
  const headers = entry.headers.map(([name, value]) => [name, swapNonce(value, entry.nonce, nonce)]);
  return { headers, body: Buffer.concat(chunks) };
}

/**
 * Pages by key, bounded by bytes (body, key and headers), not by count: many distinct URLs evict
 * older pages instead of growing memory. One page larger than an eighth of the bound is not kept.
 */
export function createPageCache(maxBytes) {
  return new LRUCache({
    maxSize: maxBytes,
    maxEntrySize: Math.floor(maxBytes / 8),
    sizeCalculation: (entry, key) => entry.size + key.length + JSON.stringify(entry.headers).length + 64,
  });
}
