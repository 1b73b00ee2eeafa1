import "server-only";
import { EMBED_PATH } from "../embed/embed-code";
import { nonceSource } from "./nonce.mjs";

/**
 * The response headers every route carries (set by `proxy.ts`). Pure, so the policy is unit-tested
 * and reads in one place.
 */
export interface HeaderOptions {
  /** Per-request nonce for the page's scripts; Next.js copies it onto its own script tags. */
  nonce: string;
  /** `next dev` evaluates code (React's dev tools, fast refresh): 'unsafe-eval' there only. */
  dev?: boolean;
  /** The request's path: who may frame a page, and who may read a file, depends on it. */
  path?: string;
  /**
   * `EMBED_ALLOWED_ORIGINS`: space- or comma-separated origins allowed to frame the site. Unset, any
   * site may frame `/embed` and none the other pages; set, it narrows `/embed` to these origins and
   * opens the other pages to them too.
   */
  embedOrigins?: string;
  /** `NEXT_PUBLIC_TILE_URL`, an opt-in raster tile server whose images the map loads. */
  tileUrl?: string;
}

/** Only well-formed http(s) origins: anything else in the setting is ignored, never copied into the header. */
export function parseOrigins(setting: string | undefined): string[] {
  return (setting ?? "")
    .split(/[\s,]+/)
    .filter(Boolean)
    .flatMap((value) => {
      try {
        const url = new URL(value);
        return /^https?:$/.test(url.protocol) && url.origin === value.replace(/\/$/, "") ? [url.origin] : [];
      } catch {
        return [];
      }
    });
}

/** `https://{s}.tile.example.org/{z}/{x}/{y}.png` → `https://*.tile.example.org`. */
export function tileOrigin(tileUrl: string | undefined): string | null {
  if (!tileUrl) return null;
  const match = /^(https?):\/\/([^/]+)/.exec(tileUrl.trim());
  if (!match) return null;
  const host = match[2].replace(/^\{[a-z]\}\./, "*.");
  return /^(\*\.)?[a-z0-9.-]+(:\d+)?$/i.test(host) ? `${match[1]}://${host}` : null;
}

/**
 * Who may frame the page at `path`, as the `frame-ancestors` sources: the frameable view by any site
 * (`*`) unless the operator lists origins; every other page by no one (`'none'`) unless listed.
 */
export function frameAncestors(path: string | undefined, embedOrigins: string | undefined): string {
  const listed = parseOrigins(embedOrigins);
  if (listed.length > 0) return `'self' ${listed.join(" ")}`;
  return path === EMBED_PATH || path === `${EMBED_PATH}/` ? "*" : "'none'";
}

/**
 * What an embedded view fetches after its first paint (the list's next pages, the scrub index, the
 * map's coastline): public, read-only files. Inside a sandbox without `allow-same-origin` the view's
 * origin is opaque, so each of these is a cross-origin request the browser refuses without CORS.
 * (Next's static files never pass proxy.ts: server.mjs gives them the same header.)
 */
const READABLE_ANYWHERE = ["/api/", "/basemap/"];

export function contentSecurityPolicy({ nonce, dev = false, path, embedOrigins, tileUrl }: HeaderOptions): string {
  const tiles = tileOrigin(tileUrl);
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts the nonce'd Next.js bootstrap loads are trusted; host lists are ignored.
    `script-src 'self' ${nonceSource(nonce)} 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // The import page's Web Worker (lib/import/worker.ts): without its own directive a worker falls
    // back to script-src, where 'strict-dynamic' ignores 'self' and would refuse it. The bundler may
    // start a worker from a blob: it builds itself.
    "worker-src 'self' blob:",
    // Leaflet and vis-timeline position everything with inline style attributes, and React renders
    // `style={…}` as attributes in the server HTML: neither can carry a nonce, so styles allow inline.
    // (A nonce here would make browsers ignore 'unsafe-inline'.) Styles cannot run script.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${tiles ? ` ${tiles}` : ""}`,
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors(path, embedOrigins)}`,
  ].join("; ");
}

export function securityHeaders(options: HeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    // Features the dashboard never uses, off for it and anything it might embed.
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), accelerometer=(), gyroscope=(), magnetometer=()",
  };
  // The older header, for browsers without frame-ancestors, only when no embedding is allowed.
  if (frameAncestors(options.path, options.embedOrigins) === "'none'") headers["X-Frame-Options"] = "DENY";
  // Public data, sent without credentials: any page (an embedded view's opaque origin included) may read it.
  if (options.path && READABLE_ANYWHERE.some((prefix) => options.path!.startsWith(prefix))) headers["Access-Control-Allow-Origin"] = "*";
  return headers;
}
