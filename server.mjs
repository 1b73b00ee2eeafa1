// `npm start` (`node server.mjs [-p PORT] [-H HOSTNAME]`, PORT from the environment otherwise):
// Next's production server, with rendered pages kept in memory and replayed with a fresh CSP nonce.
//
// Why: every page carries a per-response script nonce (proxy.ts), so Next renders each request
// anew, and under 50 concurrent clients the page's tail latency went to seconds. The HTML is a
// function of the URL, the host and the dataset version (server/page-cache.mjs), so a render is
// kept per (version, host, URL) and later answers only swap the nonce. This process cannot see the
// store inside Next's bundles; it names the store's version with the store's own rule
// (lib/data-version): the files on disk (memory store), or the published version of DATASET_KEY
// when DATABASE_URL is set (PostgreSQL store), looking at most every second, and keeps a render
// only if the page says it read that same version: a cached page is never served for a dataset
// other than the one being served. While an edit on disk is refused, or while the database does
// not answer, pages are rendered uncached.
//
// Before either, a method the site does not serve answers 405 and a path that does not decode 400
// (server/request-guard.mjs): Next answered both with a 500.
//
// A page Next must render (a cache miss, or a request the cache does not keep) first passes the
// render gate (server/render-gate.mjs): a few renders at once, a short queue, a rate per client.
// So a flood of unique URLs gets quick 503s and 429s while cache hits, the API, `/og` and static
// files, which never pass the gate, are answered as before.
//
// PAGE_CACHE_MB: the cache's bound in megabytes (default 64); 0 turns the cache off.
// RENDER_CONCURRENCY, RENDER_QUEUE, RENDER_CLIENT_BURST, RENDER_CLIENT_PER_MINUTE,
// RENDER_TRUST_FORWARDED: the render gate's settings (server/render-gate.mjs, README).
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { parseArgs, promisify } from "node:util";
import zlib from "node:zlib";
import pg from "pg";
import { dataDir, versionWatcher } from "./lib/data-version/data-version.mjs";
import { POOL_TIMEOUTS, datasetKey, publishedVersionWatcher } from "./lib/data-version/published-version.mjs";
import { newNonce } from "./lib/http/nonce.mjs";
import { guardAnswer } from "./server/request-guard.mjs";
import { acceptsGzip, cacheKey, createPageCache, replay, requestCacheable, storedEntry } from "./server/page-cache.mjs";
import { clientOf, createRenderGate, gateSettings, rendersPage, staticFiles } from "./server/render-gate.mjs";

process.env.NODE_ENV = "production";
const { default: next } = await import("next");

const { values: args } = parseArgs({ options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } } });
const port = Number(args.port ?? process.env.PORT ?? 3000);
const hostname = args.hostname; // unset: every interface, as `next start`
const cacheMB = Number(process.env.PAGE_CACHE_MB ?? 64);
const root = fileURLToPath(new URL(".", import.meta.url));
const gate = gateSettings(process.env);

const app = next({ dev: false, dir: root, hostname: hostname ?? "localhost", port });
const nextHandler = app.getRequestHandler();
const cache = cacheMB > 0 ? createPageCache(cacheMB * 2 ** 20) : null;
/** Renders under way whose page may be kept: concurrent requests for it wait instead of rendering it again. */
const filling = new Map();
const gzip = promisify(zlib.gzip);
const DECODE = { gzip: promisify(zlib.gunzip), deflate: promisify(zlib.inflate), br: promisify(zlib.brotliDecompress) };
const dataVersion = storeVersionWatcher();
const renderGate = createRenderGate(gate);
/** Files Next serves as they are: never renders, so never gated. */
const files = staticFiles(root);
/**
 * A render's slot is freed when its response is done, or after this long at most: by then the
 * render's work is long over and what remains is a slow client's download, which must not hold
 * every slot (two slow readers would otherwise stop all new pages).
 */
const SLOT_HELD_AT_MOST_MS = 10_000;
let lastVersion = null;

/** The store's version as Next's store will name it: the published version in PostgreSQL, or the files'. */
function storeVersionWatcher() {
  const url = process.env.DATABASE_URL;
  if (!url) return versionWatcher(dataDir());
  // One connection is enough for one small query a second at most.
  const pool = new pg.Pool({ connectionString: url, ...POOL_TIMEOUTS, max: 1 });
  pool.on("error", (error) => console.error(`page cache: PostgreSQL: ${error.message}`));
  return publishedVersionWatcher(pool, datasetKey());
}

/** The version being served now, or null when there is none to key pages by (the database not answering). */
async function currentVersion() {
  const version = await dataVersion.current();
  // Pages of another version are dead weight (a key never matches them while this one is served).
  if (version !== null && version !== lastVersion) {
    cache?.clear();
    lastVersion = version;
  }
  return version;
}

/**
 * Next's own files, which proxy.ts never sees: an embedded view's opaque origin (a sandbox without
 * `allow-same-origin`) fetches the stylesheets of the code it loads later, a cross-origin request
 * the browser refuses without CORS. Public, read-only, sent without credentials: the same rule as
 * READABLE_ANYWHERE in lib/http/security-headers.ts.
 */
const NEXT_STATIC = "/_next/static/";

async function handle(req, res) {
  const refused = guardAnswer(req);
  if (refused) return answer(req, res, refused);
  if (req.url?.startsWith(NEXT_STATIC)) res.setHeader("Access-Control-Allow-Origin", "*");
  if (!rendersPage(req.url, files)) return nextHandler(req, res);
  if (!cache || !requestCacheable(req)) return gated(req, res, () => nextHandler(req, res));
  const version = await currentVersion();
  if (version === null) return gated(req, res, () => nextHandler(req, res));
  const key = cacheKey(req, version);
  const entry = cache.get(key) ?? (await filling.get(key));
  if (entry) return send(req, res, entry);
  // A HEAD's body is not written, and a page already being rendered (but not kept) renders again.
  if (req.method !== "GET" || filling.has(key)) return gated(req, res, () => nextHandler(req, res));
  const kept = gated(req, res, () => renderAndKeep(req, res, key, version));
  filling.set(key, kept);
  kept.then(() => filling.delete(key));
}

/**
 * Runs `render` once the render gate lets it, holding a slot until the response is done, or answers
 * the gate's refusal (429, 503; nothing if the client left while waiting). Resolves to what
 * `render` resolved to, or null.
 */
async function gated(req, res, render) {
  const left = new AbortController();
  const leave = () => left.abort();
  res.once("close", leave);
  const turn = await renderGate.enter(clientOf(req, gate.trustForwarded), left.signal);
  if (!turn.release) {
    res.off("close", leave);
    if (turn.refusal) answer(req, res, turn.refusal);
    return null;
  }
  // Let pending I/O (hits, the API) run before this render takes the CPU.
  await new Promise((resolve) => setImmediate(resolve));
  res.off("close", leave);
  if (left.signal.aborted) {
    turn.release(); // the client left meanwhile: it costs no render
    return null;
  }
  res.once("finish", turn.release);
  res.once("close", turn.release);
  setTimeout(turn.release, SLOT_HELD_AT_MOST_MS).unref();
  return render();
}

/** Next answers as usual (streamed, compressed); the bytes written are kept, decoded, if the page may be. */
function renderAndKeep(req, res, key, version) {
  const limit = cache.maxEntrySize;
  let chunks = [];
  let size = 0;
  const collect = (chunk, encoding) => {
    if (chunks === null || chunk == null || typeof chunk === "function") return;
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8") : Buffer.from(chunk);
    size += bytes.length;
    if (size > limit) chunks = null;
    else chunks.push(bytes);
  };
  // Installed before Next's compression wraps them, so these see what goes to the socket.
  const { write, end } = res;
  res.write = function (chunk, encoding, ...rest) {
    collect(chunk, encoding);
    return write.call(this, chunk, encoding, ...rest);
  };
  res.end = function (chunk, encoding, ...rest) {
    collect(chunk, encoding);
    return end.call(this, chunk, encoding, ...rest);
  };
  res.setHeader("X-Page-Cache", "miss");
  return new Promise((resolve) => {
    res.once("close", async () => {
      try {
        if (!res.writableFinished || chunks === null) return resolve(null);
        const encoding = String(res.getHeader("content-encoding") ?? "identity");
        const body = encoding === "identity" ? Buffer.concat(chunks) : await DECODE[encoding]?.(Buffer.concat(chunks));
        const entry = body ? storedEntry({ status: res.statusCode, headers: res.getHeaders(), body }, version) : null;
        // The files changed during the render: the key's version is already gone.
        if (entry && (await currentVersion()) === version) {
          cache.set(key, entry);
          return resolve(entry);
        }
        resolve(null);
      } catch (error) {
        console.error("page cache: not keeping a page", error);
        resolve(null);
      }
    });
    Promise.resolve(nextHandler(req, res)).catch((error) => {
      console.error(error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
}

/** A whole answer of ours (not Next's), its body left out for HEAD. */
function answer(req, res, { status, headers, body }) {
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  if (status !== 204) res.setHeader("Content-Length", Buffer.byteLength(body)); // a 204 has none
  res.end(req.method === "HEAD" ? undefined : body);
}

async function send(req, res, entry) {
  const { headers, body } = replay(entry, newNonce());
  const gzipped = acceptsGzip(req.headers["accept-encoding"]);
  const payload = gzipped ? await gzip(body) : body;
  res.statusCode = 200;
  for (const [name, value] of headers) res.setHeader(name, value);
  res.setHeader("X-Page-Cache", "hit");
  if (gzipped) res.setHeader("Content-Encoding", "gzip");
  res.setHeader("Content-Length", payload.length);
  res.end(req.method === "HEAD" ? undefined : payload);
}

await app.prepare();
const server = createServer((req, res) => {
  handle(req, res).catch((error) => {
    console.error(error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
server.listen(port, hostname, () =>
  console.log(
    `> Ready on http://${hostname ?? "localhost"}:${port} (page cache: ${cache ? `${cacheMB} MB` : "off"}; renders: ${gate.concurrency || "unbounded"} at once, ${gate.queue} queued, ${gate.burst ? `${gate.burst} then ${gate.perMinute}/min per client` : "no per-client limit"})`,
  ),
);
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref(); // keep-alive clients need not hold the port
  });
}
