import "server-only";

/* The download header, written by the export route only: apart from export-formats.ts, whose names the
 * share menu also needs in the browser. */

/**
 * RFC 6266: an ASCII `filename` for old clients plus the exact name as RFC 8187 `filename*`.
 * encodeURIComponent leaves `'()*` bare, which RFC 8187's attr-char does not allow.
 */
export function contentDisposition(filename: string, disposition: "attachment" | "inline" = "attachment"): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
