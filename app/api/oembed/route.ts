import { NextResponse, type NextRequest } from "next/server";
import { invalidExport } from "@/lib/export/render";
import { linkAnswer, oembedTarget, readMaximum, viewAnswer, type Maxima } from "@/lib/embed/oembed";
import { siteUrl } from "@/lib/http/site-url";
import { storeFailuresAs503, storeOr503 } from "@/lib/http/unavailable";
import { langOf } from "@/lib/i18n/lang";
import { translator } from "@/lib/i18n/translator";
import { readLink, stepPreviewHref, stepTitle } from "@/lib/tours/steps";
import { viewWords } from "@/lib/view/view-summary";

/** A problem with the request's own parameters, in the API's usual 400 body. */
const badRequest = (param: string, value: string, message: string) =>
  NextResponse.json({ error: "Invalid query parameters", issues: [{ param, value, message }] }, { status: 400 });

/**
 * `GET /api/oembed?url=<a page of this site>&maxwidth=&maxheight=&format=json` (oEmbed 1.0): a view
 * or a tour's step answers with its sandboxed iframe (`rich`), a source document's page as a `link`; any other URL 404.
 */
async function get(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const format = params.get("format") ?? "json";
  // The spec's answer to a format the provider does not speak.
  if (format !== "json") return new NextResponse(`oEmbed format "${format}" is not implemented; use format=json`, { status: 501 });
  const url = params.get("url");
  if (!url) return badRequest("url", "", "url is required: the address of a view or source page of this site");
  const maxima: Maxima = {};
  for (const name of ["maxwidth", "maxheight"] as const) {
    const value = readMaximum(params.get(name));
    if (value === null) return badRequest(name, params.get(name)!, `invalid ${name}; expected a positive whole number of pixels`);
    maxima[name] = value;
  }
  const site = siteUrl(request.headers.get("host"));
  const target = oembedTarget(url, site);
  if (!target) return NextResponse.json({ error: "Not a view or source page of this site", url }, { status: 404 });

  const store = await storeOr503();
  if (store instanceof Response) return store;
  const headers = { "Cache-Control": "public, max-age=300" };
  if (target.kind === "source") {
    const page = await store.source(target.id);
    if (!page) return NextResponse.json({ error: "No source document has this id", url }, { status: 404 });
    const lang = langOf(new URL(url).searchParams.get("lang"));
    const t = translator(lang);
    return NextResponse.json(linkAnswer(t("source.pageTitle", { title: page.document.title }), { name: t("site.name"), site }), {
      headers,
    });
  }
  const { query, issues, step } = await readLink(store, target.search);
  if (issues.length > 0) return invalidExport("json", issues);
  // A tour's step is titled as its page is; any other view by its filters.
  const title = step ? stepTitle(step, query.lang) : viewWords(query, store, await store.count(query)).title;
  const provider = { name: translator(query.lang)("site.name"), site };
  // A step's thumbnail is its page's preview image, drawn with its title.
  const thumbnail = step ? stepPreviewHref(query, step) : undefined;
  return NextResponse.json(viewAnswer(query, title, provider, maxima, thumbnail), { headers });
}

// The database going down midway answers 503, as when it was down from the start.
export const GET = storeFailuresAs503(get);
