import "server-only";
/**
 * The site's absolute base URL, for link previews (og:image, og:url need absolute URLs).
 *
 * - `SITE_URL` set (an http(s) URL): always that — deployments should set it, and then no request
 *   header can change what previews link to.
 * - unset: the request's Host header, if it is a plain `hostname[:port]` (DNS name, IPv4, or
 *   bracketed IPv6). A proxy in front of the app should pass only its own hosts; an attacker who
 *   sends `Host: evil.example` straight to the server only changes the page they themselves get.
 * - otherwise: http://localhost:3000. Never throws, whatever the input.
 */
export const FALLBACK_SITE_URL = "http://localhost:3000";

const LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
const HOST = new RegExp(`^(?:${LABEL}(?:\\.${LABEL})*|\\[[0-9a-f:.]+\\])(?::(\\d{1,5}))?$`, "i");

export function isValidHost(host: string): boolean {
  const match = HOST.exec(host);
  return Boolean(match) && host.length <= 260 && (match![1] === undefined || Number(match![1]) <= 65535);
}

function configured(siteUrl: string | undefined): URL | null {
  if (!siteUrl?.trim()) return null;
  try {
    const url = new URL(siteUrl.trim());
    return /^https?:$/.test(url.protocol) && !url.username && !url.password ? new URL(url.origin) : null;
  } catch {
    return null;
  }
}

const LOCAL = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/i;

export function siteUrl(host: string | null | undefined, siteUrlSetting: string | undefined = process.env.SITE_URL): URL {
  const fixed = configured(siteUrlSetting);
  if (fixed) return fixed;
  const candidate = host?.trim() ?? "";
  if (!isValidHost(candidate)) return new URL(FALLBACK_SITE_URL);
  try {
    // Local hosts are served over plain http; anything public is assumed behind TLS.
    return new URL(`${LOCAL.test(candidate) ? "http" : "https"}://${candidate.toLowerCase()}`);
  } catch {
    return new URL(FALLBACK_SITE_URL);
  }
}
