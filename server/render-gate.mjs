// The gate server.mjs puts in front of page renders (cache misses), so a flood of unique URLs
// cannot starve cached pages and the API. Plain JS (no build step for `npm start`); its types are
// in render-gate.d.mts and its rules are unit-tested beside it.
//
// Why: a cached page is replayed in well under a millisecond, but a URL the cache has not seen is
// rendered by Next, tens of milliseconds of CPU on the server's one event loop. With every request
// a new URL (`/?q=<random>`), all of them rendered at once and every other request — a cache hit,
// `/api/health` — waited behind their slices of work (health went from 8 ms to ~160 ms p50, ~1 s
// p99). Two rules, both applied only to renders, never to hits, the API, `/og` or static files:
//
// 1. Render slots: at most RENDER_CONCURRENCY page renders at once (default 2: a render waits on
//    I/O now and then, so two keep the CPU busy; more at once only interleave on the one event
//    loop, each slower, while everything else waits behind more of their work). Up to RENDER_QUEUE more wait their turn (first
//    come, first served): a burst of new links is answered a little later instead of refused.
//    Beyond the queue: 503 with Retry-After, at once, so a flood gets quick refusals instead of
//    piling up connections and memory. This is the rule that keeps hits and the API fast.
// 2. Per client: each client (IP address; an IPv6 /64, which one host commonly holds whole) has a
//    token bucket of RENDER_CLIENT_BURST renders, refilled at RENDER_CLIENT_PER_MINUTE; a render
//    beyond it answers 429 with Retry-After. This is fairness: one flooder would otherwise fill the
//    queue and make everyone else's new links answer 503. A visitor asks for one render per page
//    load and one per change of the view (each filter, search or drag end asks the server for the
//    new view as an App Router request, which passes the gate too; a map pan asks nothing): a few a
//    minute, a handful at once. The defaults (60 at once, then 2 a second) leave room for the
//    busiest visitor and for several behind one address, and stop a flood after a second's worth.
//
// The client is the socket's address. Behind a reverse proxy every request comes from the proxy:
// set RENDER_TRUST_FORWARDED=1 and the client is the last address of X-Forwarded-For (the one the
// proxy added; earlier ones are the client's to forge).
import { readdirSync } from "node:fs";
import path from "node:path";

// What never reaches a page render: the API, build output and preview images (bounded by their
// own limiter, lib/og). Files are told by name (`staticFiles`), not by the look of the path: any
// other path, `/x.png?q=<random>` included, is a render (of the not-found page if nothing else).
const NOT_PAGES = /^\/(api|_next|og)(\/|$)/;
// Files Next serves from app/ at the site's root (metadata files such as app/robots.txt).
const APP_ROOT_FILES = /^(favicon\.ico|(apple-)?icon\d*\.\w+|robots\.txt|sitemap\.xml|manifest\.(json|webmanifest))$/;

/** The URL paths of the files Next serves as they are: everything in public/, and app/'s metadata files. */
export function staticFiles(root) {
  const files = new Set();
  const list = (dir, recursive) => {
    try {
      return readdirSync(dir, { recursive, withFileTypes: true });
    } catch {
      return []; // no such folder (public/ is made by the build)
    }
  };
  const publicDir = path.join(root, "public");
  for (const entry of list(publicDir, true)) {
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    if (entry.isFile()) files.add("/" + path.relative(publicDir, file).split(path.sep).join("/"));
  }
  for (const entry of list(path.join(root, "app"), false)) {
    if (entry.isFile() && APP_ROOT_FILES.test(entry.name)) files.add(`/${entry.name}`);
  }
  return files;
}

/**
 * Whether Next may answer this request target by rendering a page (a cache miss, if the cache has
 * none). When in doubt, yes: a wrong "yes" only makes a request wait its turn, a wrong "no" would
 * let renders past the gate. So dot segments (`/og/../?q=x`, `%2e` included) are renders whatever
 * they point at, and an absolute-form target (`GET http://host/path`), which Next routes too, is
 * judged by its path.
 */
export function rendersPage(url, files = new Set()) {
  const target = String(url ?? "");
  if (/\/(\.|%2e){1,2}(\/|\?|#|$)/i.test(target)) return true;
  let pathname = target.split("?", 1)[0];
  if (!target.startsWith("/")) {
    try {
      pathname = new URL(target).pathname;
    } catch {
      return true;
    }
  }
  if (NOT_PAGES.test(pathname)) return false;
  try {
    return !files.has(decodeURIComponent(pathname));
  } catch {
    return true;
  }
}

/** The settings from the environment, with the defaults above; a value that is not a whole number ≥ 0 stops the start. */
export function gateSettings(env) {
  const whole = (name, fallback) => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number ≥ 0, not ${JSON.stringify(raw)}`);
    return value;
  };
  return {
    concurrency: whole("RENDER_CONCURRENCY", 2), // 0: no bound
    queue: whole("RENDER_QUEUE", 16),
    burst: whole("RENDER_CLIENT_BURST", 60), // 0: no per-client limit
    perMinute: whole("RENDER_CLIENT_PER_MINUTE", 120),
    trustForwarded: env.RENDER_TRUST_FORWARDED === "1",
  };
}

/** The first four groups of an IPv6 address (its /64), written out in full. */
function ipv6Prefix(address) {
  const [head, tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = address.includes("::") && tail ? tail.split(":") : [];
  const groups = address.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/** The key a client's renders are counted under: its IPv4 address, or its IPv6 /64. */
export function clientOf({ headers, socket }, trustForwarded = false) {
  const forwarded = trustForwarded
    ? String(headers["x-forwarded-for"] ?? "")
        .split(",")
        .at(-1)
        ?.trim()
    : "";
  const address = (forwarded || socket?.remoteAddress || "unknown").replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  return address.includes(":") ? ipv6Prefix(address.replace(/%.*$/, "")) : address;
}

/**
 * Per-client token buckets: `take(client)` spends one render and answers 0, or answers the seconds
 * until the client may render again (nothing spent). A bucket refilled to full is the same as no
 * bucket, so at most `maxClients` are remembered (the least recently used go first): a flood from
 * many addresses cannot grow memory, and a client forgotten starts full, as a new one would.
 */
export function createClientBuckets({ burst, perMinute, maxClients = 10_000, now = () => performance.now() }) {
  const perMs = perMinute / 60_000;
  const buckets = new Map(); // insertion order = least recently used first
  return {
    take(client) {
      if (burst === 0) return 0;
      const t = now();
      const bucket = buckets.get(client) ?? { tokens: burst, at: t };
      buckets.delete(client);
      bucket.tokens = Math.min(burst, bucket.tokens + (t - bucket.at) * perMs);
      bucket.at = t;
      buckets.set(client, bucket);
      if (buckets.size > maxClients) buckets.delete(buckets.keys().next().value);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return perMs > 0 ? Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) : 60;
    },
    get size() {
      return buckets.size;
    },
  };
}

/**
 * At most `concurrency` renders at once and `queue` more waiting. `acquire(signal)` resolves to a
 * release function (call it when the response is done; a second call does nothing), or to null:
 * the queue is full, or `signal` aborted (the client left) while waiting, which frees its place.
 */
export function createRenderSlots({ concurrency, queue }) {
  let running = 0;
  const waiting = [];
  const releaser = () => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      // The slot passes straight to the next in line, so `running` only drops when nobody waits.
      const next = waiting.shift();
      if (next) next();
      else running--;
    };
  };
  return {
    acquire(signal) {
      if (signal?.aborted) return Promise.resolve(null);
      if (concurrency === 0) return Promise.resolve(() => {});
      if (running < concurrency) {
        running++;
        return Promise.resolve(releaser());
      }
      if (waiting.length >= queue) return Promise.resolve(null);
      return new Promise((resolve) => {
        const turn = () => {
          signal?.removeEventListener("abort", leave);
          resolve(releaser());
        };
        const leave = () => {
          const at = waiting.indexOf(turn);
          if (at !== -1) waiting.splice(at, 1);
          resolve(null);
        };
        waiting.push(turn);
        signal?.addEventListener("abort", leave, { once: true });
      });
    },
    get load() {
      return { running, waiting: waiting.length };
    },
  };
}

// Plain-text refusals, never cached by anyone, loading nothing; in both of the site's languages, as
// they are answered before Next knows the visitor's.
const PLAIN = {
  "Content-Type": "text/plain; charset=utf-8",
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
};
/** A full queue drains in well under a second at the defaults: try again shortly. */
const BUSY_RETRY_S = 2;

/**
 * Both rules together. `enter(client, signal)` resolves to `{ release }` once the render may start,
 * or to `{ refusal }`, the answer to give instead (429 over the client's rate, 503 with the queue
 * full), or to `{ refusal: null }` when the client left while waiting (nothing to answer). The
 * client's token is spent before it queues: a flooder refused 503 still used up its rate.
 */
export function createRenderGate(settings, now) {
  const buckets = createClientBuckets({ ...settings, now });
  const slots = createRenderSlots(settings);
  return {
    async enter(client, signal) {
      const wait = buckets.take(client);
      if (wait > 0) {
        return {
          refusal: {
            status: 429,
            headers: { ...PLAIN, "Retry-After": String(wait) },
            body: "Too Many Requests: too many new pages from this address; try again shortly\n此地址请求的新页面过多，请稍后再试。\n",
          },
        };
      }
      const release = await slots.acquire(signal);
      if (release) return { release };
      if (signal?.aborted) return { refusal: null };
      return {
        refusal: {
          status: 503,
          headers: { ...PLAIN, "Retry-After": String(BUSY_RETRY_S) },
          body: "Service Unavailable: too many new pages at once; try again shortly\n同时请求的新页面过多，请稍后再试。\n",
        },
      };
    },
    get load() {
      return { ...slots.load, clients: buckets.size };
    },
  };
}
