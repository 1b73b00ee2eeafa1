import { embedHref, previewHref } from "../query/endpoints";
import type { Query } from "../query/query";
import { DEFAULT_EMBED_WIDTH, embedHeight, iframeCode } from "./embed-code";

/**
 * oEmbed 1.0 (https://oembed.com) for the site's pages: a view (`/` or `/embed`) answers as a `rich`
 * resource, the sandboxed iframe of its embed; a source document's page as a `link` (it is a text to
 * read, not a view to frame). Pure: the route (`app/api/oembed`) reads the store and the request.
 */

/** What a URL given to the oEmbed endpoint names on this site, or null when it names nothing embeddable. */
export type OembedTarget = { kind: "view"; search: URLSearchParams } | { kind: "source"; id: string };

const VIEW_PATHS = new Set(["/", "/embed"]);
const SOURCE_PATH = /^\/sources\/([a-z0-9][a-z0-9._-]*)\/?$/i;

export function oembedTarget(url: string, site: URL): OembedTarget | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.origin !== site.origin) return null;
  if (VIEW_PATHS.has(parsed.pathname)) return { kind: "view", search: parsed.searchParams };
  const source = SOURCE_PATH.exec(parsed.pathname);
  return source ? { kind: "source", id: source[1] } : null;
}

/** The preview image's size (`app/og`), given with it as the spec asks. */
export const THUMBNAIL = { width: 1200, height: 630 };
/** Seconds a consumer may keep an answer: views change only when the data does. */
export const CACHE_AGE = 3600;

export interface Maxima {
  maxwidth?: number;
  maxheight?: number;
}

interface Common {
  version: "1.0";
  title: string;
  provider_name: string;
  provider_url: string;
  cache_age: number;
}

export interface RichAnswer extends Common {
  type: "rich";
  html: string;
  width: number;
  height: number;
  thumbnail_url?: string;
  thumbnail_width?: number;
  thumbnail_height?: number;
}

export interface LinkAnswer extends Common {
  type: "link";
}

export interface Provider {
  /** The site's name in the view's language. */
  name: string;
  /** The site's origin (`https://site`). */
  site: URL;
}

const fit = (size: number, max: number | undefined) => Math.max(1, Math.min(size, max ?? size));

/**
 * The `rich` answer for a view: the iframe of its embed, within the consumer's maxima. `thumbnail`
 * is the view's preview image, unless the server names another (a tour step's own).
 */
export function viewAnswer(
  query: Query,
  title: string,
  provider: Provider,
  maxima: Maxima,
  thumbnail: string = previewHref(query, {}),
): RichAnswer {
  const width = fit(DEFAULT_EMBED_WIDTH, maxima.maxwidth);
  const height = fit(embedHeight(query.ui), maxima.maxheight);
  const src = new URL(embedHref(query, {}), provider.site).href;
  // The spec has thumbnails respect the maxima too: the preview image is one size, so it is left out when it does not fit.
  const thumbnailFits = THUMBNAIL.width <= (maxima.maxwidth ?? Infinity) && THUMBNAIL.height <= (maxima.maxheight ?? Infinity);
  return {
    type: "rich",
    ...common(title, provider),
    html: iframeCode({ src, title, width, height, theme: query.theme }),
    width,
    height,
    ...(thumbnailFits
      ? {
          thumbnail_url: new URL(thumbnail, provider.site).href,
          thumbnail_width: THUMBNAIL.width,
          thumbnail_height: THUMBNAIL.height,
        }
      : {}),
  };
}

/** The `link` answer for a source document's page. */
export function linkAnswer(title: string, provider: Provider): LinkAnswer {
  return { type: "link", ...common(title, provider) };
}

function common(title: string, provider: Provider): Common {
  return { version: "1.0", title, provider_name: provider.name, provider_url: provider.site.origin + "/", cache_age: CACHE_AGE };
}

/** `maxwidth=480`: a positive whole number of pixels, or absent; anything else is no size. */
export function readMaximum(value: string | null): number | undefined | null {
  if (value === null || value.trim() === "") return undefined;
  return /^\d{1,5}$/.test(value.trim()) && Number(value) > 0 ? Number(value) : null;
}
