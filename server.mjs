// `npm start` (`node server.mjs [-p PORT] [-H HOSTNAME]`, PORT from the environment otherwise):
// Next's production server, with rendered pages kept in memory and replayed with a fresh CSP nonce.
//
// Why: every page carries a per-response script nonce (proxy.ts), so Next renders each request
// anew, and under 50 concurrent clients the page's tail latency went to seconds. The HTML is a
// function of the URL, the host and the dataset version (server/page-cache.mjs), so a render is
// kept per (version, host, URL) and later answers only swap the nonce. This process cannot see the
// store inside Next's bundles; it names the version of the files on disk with the store's own
// function (lib/data-version), looking at them at most every second as the store does, and keeps a
// render only if the page says it read that same version: a cached page is never served for a
// dataset other than the one on disk. While an edit on disk is refused, pages are rendered uncached.
//
// Before either, a method the site does not serve answers 405 and a path that does not decode 400
// (server/request-guard.mjs): Next answered both with a 500.
//
// PAGE_CACHE_MB: the cache's bound in megabytes (default 64); 0 turns the cache off.
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { parseArgs, promisify } from "node:util";
import zlib from "node:zlib";
import { dataDir, versionWatcher } from "./lib/data-version/data-version.mjs";
import { newNonce } from "./lib/http/nonce.mjs";
import { guardAnswer } from "./server/request-guard.mjs";
import { acceptsGzip, cacheKey, createPageCache, replay, requestCacheable, storedEntry } from "./server/page-cache.mjs";

process.env.NODE_ENV = "production";
const { default: next } = await import("next");

const { values: args } = parseArgs({ options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } } });
const port = Number(args.port ?? process.env.PORT ?? 3000);
const hostname = args.hostname; // unset: every interface, as `next start`
const cacheMB = Number(process.env.PAGE_CACHE_MB ?? 64);

const app = next({ dev: false, dir: fileURLToPath(new URL(".", import.meta.url)), hostname: hostname ?? "localhost", port });
const nextHandler = app.getRequestHandler();
const cache = cacheMB > 0 ? createPageCache(cacheMB * 2 ** 20) : null;
/** Renders under way whose page may be kept: concurrent requests for it wait instead of rendering it again. */
const filling = new Map();
const gzip = promisify(zlib.gzip);
const DECODE = { gzip: promisify(zlib.gunzip), deflate: promisify(zlib.inflate), br: promisify(zlib.brotliDecompress) };
const dataVersion = versionWatcher(dataDir());
let lastVersion = null;

/** The version of the data files now, as the store names it. */
async function currentVersion() {
  const version = await dataVersion.current();
  // Pages of another version are dead weight (a key never matches them while this one is on disk).
  if (version !== lastVersion) cache?.clear();
  lastVersion = version;
  return version;
}

async function handle(req, res) {
  const refused = guardAnswer(req);
  if (refused) return answer(req, res, refused);
  if (!cache || !requestCacheable(req)) return nextHandler(req, res);
  const version = await currentVersion();
  const key = cacheKey(req, version);
  const entry = cache.get(key) ?? (await filling.get(key));
  if (entry) return send(req, res, entry);
  // A HEAD's body is not written, and a page already being rendered (but not kept) renders again.
  if (req.method !== "GET" || filling.has(key)) return nextHandler(req, res);
  const kept = renderAndKeep(req, res, key, version);
  filling.set(key, kept);
  kept.then(() => filling.delete(key));
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
  console.log(`> Ready on http://${hostname ?? "localhost"}:${port} (page cache: ${cache ? `${cacheMB} MB` : "off"})`),
);
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref(); // keep-alive clients need not hold the port
  });
}
