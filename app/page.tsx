import type { Metadata } from "next";
import { headers } from "next/headers";
import { ActiveFilters } from "@/components/filters/ActiveFilters";
import { Dashboard } from "@/components/dashboard/Dashboard";
import { TimelinePreview } from "@/components/timeline/TimelinePreview";
import { UrlNotice } from "@/components/dashboard/UrlNotice";
import { DatasetErrorView } from "@/components/dashboard/DatasetErrorView";
import { EventDetailBody } from "@/components/event/EventDetailBody";
import { Facets } from "@/components/filters/Facets";
import { previewHref } from "@/lib/query/endpoints";
import { ignoredValues } from "@/lib/query/query";
import { DatasetError, StoreUnavailableError } from "@/lib/data/store";
import { boundedWindow } from "@/lib/core/time-window";
import { urlNotices } from "@/lib/view/url-notices";
import { browserView } from "@/lib/view/view-model";
import { translator } from "@/lib/i18n/translator";
import { langOf } from "@/lib/i18n/lang";
import { siteUrl } from "@/lib/http/site-url";
import { viewWords } from "@/lib/view/view-summary";
import { backValue } from "@/lib/query/back";
import { CoverageLine } from "@/components/dashboard/CoverageLine";
import { pageView, type SearchParams } from "./page-view";

type Props = { searchParams: Promise<SearchParams> };

/** Each shared link previews its own view: "Shanghai · 2023–2025 · 4 events", with an image of it. */
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const params = await searchParams;
  // A refused dataset titles the error page; any other failure is ours and surfaces.
  const page = await pageView(params).catch((error: unknown) => {
    if (error instanceof DatasetError || error instanceof StoreUnavailableError) return null;
    throw error;
  });
  if (!page) {
    const t = translator(langOf([params.lang].flat()[0]));
    return { title: `${t("site.name")} — ${t("site.datasetErrorTitle")}` };
  }
  const { query, view, store } = page;
  const { title, pageTitle, sentence } = viewWords(query, store, view.matched);
  const t = translator(query.lang);
  const site = t("site.name");
  const image = previewHref(query, {});
  const description = t("site.previewDescription", { sentence });
  // Previews need absolute URLs: SITE_URL, else the validated Host header (lib/http/site-url.ts).
  return {
    metadataBase: siteUrl((await headers()).get("host")),
    title: `${pageTitle} — ${site}`,
    description,
    openGraph: {
      title,
      description,
      images: [{ url: image, width: 1200, height: 630 }],
      type: "website",
      siteName: site,
      locale: query.lang === "zh" ? "zh_CN" : "en_US",
    },
    twitter: { card: "summary_large_image", title, description, images: [image] },
  };
}

/** The server computes the view the URL asks for; only that view reaches the browser. */
export default async function Page({ searchParams }: Props) {
  const params = await searchParams;
  let page;
  try {
    page = await pageView(params);
  } catch (error) {
    if (error instanceof DatasetError || error instanceof StoreUnavailableError)
      return <DatasetErrorView error={error} lang={langOf([params.lang].flat()[0])} />;
    throw error;
  }
  const { store, query, issues, view } = page;
  const notice = urlNotices(issues, query, store.extent);
  const { coverage } = await store.sourcesIndex();
  // Links to the pages about the data carry this view, so that their "Back" returns to it.
  const back = backValue(query);
  // Parts that only show what the server computed are rendered here: their markup reaches the browser, not their code.
  const server = {
    coverage: <CoverageLine coverage={coverage} lang={query.lang} back={back} />,
    detailBody: view.selected ? <EventDetailBody detail={view.selected} text={view.text} back={back} /> : null,
    filters: (
      <>
        <ActiveFilters chips={view.chips} query={query} text={view.text} />
        <Facets facets={view.facets} years={view.years} query={query} text={view.text} />
      </>
    ),
    notice: notice ? <UrlNotice notice={notice} label={translator(query.lang)("notice.label")} /> : null,
    timelinePreview: <TimelinePreview model={view.timeline} groupBy={query.rows} selectedId={query.event} window={boundedWindow(query)} />,
  };
  return <Dashboard view={browserView(view)} query={query} ignored={ignoredValues(page.params, query)} server={server} />;
}
