import type { Metadata } from "next";
import { headers } from "next/headers";
import { ActiveFilters } from "@/components/ActiveFilters";
import { Dashboard } from "@/components/Dashboard";
import { TimelinePreview } from "@/components/timeline/TimelinePreview";
import { UrlNotice } from "@/components/UrlNotice";
import { DatasetErrorView } from "@/components/DatasetErrorView";
import { EventDetailBody } from "@/components/EventDetailBody";
import { Facets } from "@/components/Facets";
import { parseQuery, serializeQuery } from "@/lib/query";
import { storeOrRefusal } from "@/lib/http/unavailable";
import { boundedWindow } from "@/lib/time-window";
import { urlNotices } from "@/lib/url-notices";
import { browserView, computeView } from "@/lib/view-model";
import { translator } from "@/lib/i18n/translator";
import { langOf } from "@/lib/lang";
import { siteUrl } from "@/lib/site-url";
import { summarizeView } from "@/lib/view-summary";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Each shared link previews its own view: "Shanghai · 2023–2025 · 4 events", with an image of it. */
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { store } = await storeOrRefusal();
  const params = await searchParams;
  if (!store) {
    const t = translator(langOf([params.lang].flat()[0]));
    return { title: `${t("site.name")} — ${t("site.datasetErrorTitle")}` };
  }
  const { query, title, pageTitle, sentence } = summarizeView(params, store);
  const t = translator(query.lang);
  const site = t("site.name");
  const image = `/og${serializeQuery({ ...query, map: null, event: null, rows: "category" })}`;
  const description = t("site.previewDescription", { sentence });
  // Previews need absolute URLs: SITE_URL, else the validated Host header (lib/site-url.ts).
  return {
    metadataBase: siteUrl((await headers()).get("host")),
    title: `${pageTitle} — ${site}`,
    description,
    openGraph: { title, description, images: [{ url: image, width: 1200, height: 630 }], type: "website", siteName: site, locale: query.lang === "zh" ? "zh_CN" : "en_US" },
    twitter: { card: "summary_large_image", title, description, images: [image] },
  };
}

/** The server computes the view the URL asks for; only that view reaches the browser. */
export default async function Page({ searchParams }: Props) {
  const params = await searchParams;
  const { store, refused } = await storeOrRefusal();
  if (refused) return <DatasetErrorView error={refused} lang={langOf([params.lang].flat()[0])} />;
  const { query, issues } = parseQuery(params, store.vocabulary);
  const view = computeView(store, query);
  const notice = urlNotices(issues, query, store.index);
  // Parts that only show what the server computed are rendered here: their markup reaches the browser, not their code.
  const server = {
    detailBody: view.selected ? <EventDetailBody detail={view.selected} text={view.text} /> : null,
    filters: (
      <>
        <ActiveFilters chips={view.chips} query={query} text={view.text} />
        <Facets facets={view.facets} years={view.years} query={query} text={view.text} />
      </>
    ),
    notice: notice ? <UrlNotice notice={notice} label={translator(query.lang)("notice.label")} /> : null,
    timelinePreview: <TimelinePreview model={view.timeline} groupBy={query.rows} selectedId={query.event} window={boundedWindow(query)} />,
  };
  return <Dashboard view={browserView(view)} query={query} server={server} />;
}
