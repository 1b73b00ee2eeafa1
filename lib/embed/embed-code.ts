import type { EmbedPart, EmbedTheme } from "../query/query";

/**
 * The iframe code for a view, one writer for the share menu's "Embed" dialog and the oEmbed answer.
 *
 * The sandbox lets the view run its scripts and open links in a new tab (outside the sandbox, so the
 * dashboard opened from "Open full view" works normally), and nothing else: no `allow-same-origin`,
 * so the frame has an opaque origin and can reach neither the host page nor any storage; the embed
 * needs none.
 */
export const EMBED_SANDBOX = "allow-scripts allow-popups allow-popups-to-escape-sandbox";

/** The embeddable view's path (app/embed): the one page any site may frame by default. */
export const EMBED_PATH = "/embed";

/** The script a host page may add once: it resizes every embedded view to its content (`/embed.js`). */
export const HOST_SCRIPT_PATH = "/embed.js";

/** Roughly how tall each part draws at a column's width, so a frame without the host script starts near its content's height. */
const PART_HEIGHT: Record<EmbedPart, number> = { map: 300, timeline: 230, list: 370 };
/** The summary line above the parts and the links below them. */
const FRAME_CHROME_HEIGHT = 90;

export const DEFAULT_EMBED_WIDTH = 720;

/** A sensible starting height for a frame showing `parts`; the host script then fits it exactly. */
export function embedHeight(parts: readonly EmbedPart[]): number {
  return FRAME_CHROME_HEIGHT + parts.reduce((sum, part) => sum + PART_HEIGHT[part], 0);
}

const escapeAttribute = (value: string) => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export interface IframeOptions {
  /** The embed's absolute URL. */
  src: string;
  /** Names the view for assistive technologies (the iframe's accessible name). */
  title: string;
  height: number;
  /** Pixels, or "100%" for a frame that fills its column (the dialog's default). */
  width: number | "100%";
  /** The view's `theme`: a light or dark one is also set on the iframe element (see iframeCode). */
  theme?: EmbedTheme;
}

/**
 * `<iframe src=… title=… …></iframe>`: every value escaped, as titles carry the view's words.
 *
 * A light or dark theme is the `theme` in the frame's URL, which the framed page obeys (its colours are
 * light-dark() pairs, and the theme sets its colour scheme: app/globals.css). It is written as the
 * iframe's `color-scheme` too, so the frame's backdrop matches before the page paints. Without one, the
 * frame follows the reader's setting.
 */
export function iframeCode({ src, title, height, width, theme = "auto" }: IframeOptions): string {
  const scheme = theme === "auto" ? "" : ` color-scheme: ${theme};`;
  const style = `width: ${width === "100%" ? "100%" : `${width}px`}; max-width: 100%; height: ${height}px; border: 0;${scheme}`;
  return (
    `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" width="${width}" height="${height}"` +
    ` style="${style}" loading="lazy" sandbox="${EMBED_SANDBOX}"></iframe>`
  );
}

/** The optional line that fits each frame to its content: `<script async src="https://site/embed.js"></script>`. */
export function hostScriptCode(origin: string): string {
  return `<script async src="${escapeAttribute(new URL(HOST_SCRIPT_PATH, origin).href)}"></script>`;
}
