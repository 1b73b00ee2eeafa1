// What server.mjs answers itself, before Next sees a request: a method the site does not serve, or a
// path that does not decode. Both used to reach Next and answer 500 with a stack trace in the log:
// TRACE (and TRACK) because Next's proxy builds a fetch `Request`, which refuses those methods; a path
// such as `/sources/%FF` because its percent-encoding is not UTF-8. Plain JS (no build step for
// `npm start`); its types are in request-guard.d.mts and its rules are unit-tested beside it.

/** The site is read-only (no forms, no server actions): every route, pages and API alike, answers these. */
export const ALLOWED_METHODS = ["GET", "HEAD", "OPTIONS"];
const ALLOW = ALLOWED_METHODS.join(", ");

// Plain-text answers, never rendered as a page and loading nothing.
const PLAIN = {
  "Content-Type": "text/plain; charset=utf-8",
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
};

/**
 * Whether the path (the URL before `?`) decodes to text a route can take: every `%XX` well formed and
 * UTF-8, and no control characters, which no route, id or file name has.
 */
export function pathDecodes(url) {
  const path = String(url ?? "").split("?", 1)[0];
  try {
    return !/[\u0000-\u001f\u007f]/.test(decodeURIComponent(path));
  } catch {
    return false;
  }
}

/**
 * The answer to give without Next, or null to pass the request on: 204 to OPTIONS and 405 to any
 * method but GET and HEAD, both naming the methods in `Allow`; 400 to a path that does not decode.
 */
export function guardAnswer({ method, url }) {
  if (method === "OPTIONS") return { status: 204, headers: { Allow: ALLOW }, body: "" };
  if (!ALLOWED_METHODS.includes(method ?? "")) return { status: 405, headers: { ...PLAIN, Allow: ALLOW }, body: "Method Not Allowed\n" };
  if (!pathDecodes(url)) return { status: 400, headers: PLAIN, body: "Bad Request: the path is not well-formed percent-encoded UTF-8\n" };
  return null;
}
