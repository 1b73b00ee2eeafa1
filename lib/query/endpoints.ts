import { createSerializer, parseAsString, parseAsStringLiteral, type inferParserType, type ParserMap } from "nuqs/server";
import { EXPORT_FORMATS } from "./export-formats";
import { parsersIn, type Query, type Scope } from "./query";

/**
 * The URLs the page asks for besides itself, each built by nuqs's serializer from its scope's
 * parameters (lib/query/query.ts) followed by the endpoint's own: an endpoint is never sent a parameter
 * its answer does not depend on (one cache entry per answer), nor missing one it does.
 */
function endpoint<Own extends ParserMap>(path: string, scope: Scope, own: Own) {
  const serialize = createSerializer({ ...parsersIn(scope), ...own });
  return (query: Query, values: inferParserType<Own>) => serialize(path, { ...query, ...values });
}

/** `/api/rows?city=shanghai&after=<cursor>`: the list's next page, after the previous page's cursor. */
export const rowsHref = endpoint("/api/rows", "list", { after: parseAsString });

/** `/api/scrub?city=shanghai&v=<data version>`: versioned, so the browser may keep it for good. */
export const scrubHref = endpoint("/api/scrub", "scrub", { v: parseAsString });

/** `/api/events?city=shanghai&format=csv`: a download of the matching events. */
export const exportHref = endpoint("/api/events", "export", {
  format: parseAsStringLiteral(EXPORT_FORMATS),
});

/** `/og?city=shanghai`: the view's link-preview image. */
export const previewHref = endpoint("/og", "preview", {});

/** `/?city=shanghai`: the view on the dashboard itself, without the embed's own parameters (its canonical link). */
export const pageHref = endpoint("/", "page", {});

/** `/embed?city=shanghai&ui=map`: the view in a frame (the iframe's `src`). */
export const embedHref = endpoint("/embed", "embed", {});

/** `/api/oembed?url=…&format=json`: the oEmbed answer for a view's page (its discovery link's target). */
export const oembedHref = (url: string) =>
  createSerializer({ url: parseAsString, format: parseAsStringLiteral(["json"] as const) })("/api/oembed", { url, format: "json" });
