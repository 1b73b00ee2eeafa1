import "server-only";
/**
 * Whether a request's If-None-Match names `etag`: weak comparison (a `W/` prefix is ignored, as a
 * GET must), and `*` matches any current answer. Every route with an ETag asks this, and a match
 * answers 304 (`notModified`).
 */
export function ifNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t.replace(/^W\//, "") === etag;
  });
}

/** 304 with the headers a 200 would carry that a cache needs (ETag, Cache-Control). */
export function notModified(headers: Record<string, string>): Response {
  return new Response(null, { status: 304, headers });
}
