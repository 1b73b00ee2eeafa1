import type { Metadata } from "next";
import { headers } from "next/headers";
import { EmbedView } from "@/components/embed/EmbedView";
import { FIRST_HEIGHT_SCRIPT } from "@/components/embed/first-height-script";
import { nonceOf } from "@/lib/http/nonce.mjs";
import { DatasetErrorView } from "@/components/dashboard/DatasetErrorView";
import { UrlNotice } from "@/components/dashboard/UrlNotice";
import { EventDetailBody } from "@/components/event/EventDetailBody";
import { TimelinePreview } from "@/components/timeline/TimelinePreview";
import { boundedWindow } from "@/lib/core/time-window";
import { isStoreRefusal } from "@/lib/http/unavailable";
import { siteUrl } from "@/lib/http/site-url";
import { langOf } from "@/lib/i18n/lang";
import { translator } from "@/lib/i18n/translator";
import { backValue } from "@/lib/query/back";
import { SOURCES_INDEX, sourcesHref } from "@/lib/sources/sources";
import { BACK_LINK_PROPS } from "@/components/dashboard/back-links";
import { pageHref } from "@/lib/query/endpoints";
import { ignoredValues } from "@/lib/query/parse";
import { urlNotices } from "@/lib/view/url-notices";
import { browserView } from "@/lib/view/view-model";
import { viewWords } from "@/lib/view/view-summary";
import { oembedAlternate, pageView, type SearchParams } from "../page-view";
import "./embed.css";

type Props = { searchParams: Promise<SearchParams> };

/** The framed view names itself, points search engines at the dashboard's page, and offers its oEmbed. */
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const params = await searchParams;
  const page = await pageView(params).catch((error: unknown) => {
    if (isStoreRefusal(error)) return null;
    throw error;
  });
  const t = translator(page?.query.lang ?? langOf([params.lang].flat()[0]));
  if (!page) return { title: `${t("site.name")} — ${t("site.datasetErrorTitle")}` };
  const { query, view, store } = page;
  const site = siteUrl((await headers()).get("host"));
  return {
    metadataBase: site,
    title: `${viewWords(query, store, view.matched).pageTitle} — ${t("site.name")}`,
    robots: { index: false },
    alternates: { canonical: pageHref(query, {}), types: oembedAlternate(query, site) },
  };
}

/**
 * `/embed?<view>&ui=map,timeline,list&theme=light|dark|auto`: the dashboard's view, computed by the
 * same view model, without the masthead and filters, for another site's iframe (frameable by any
 * site: lib/http/security-headers.ts).
 */
export default async function EmbedPage({ searchParams }: Props) {
  const params = await searchParams;
  let page;
  try {
    page = await pageView(params);
  } catch (error) {
    // The database down (before or during the read) shows the same plain view as the dashboard's.
    if (isStoreRefusal(error)) return <DatasetErrorView error={error} lang={langOf([params.lang].flat()[0])} />;
    throw error;
  }
  const { store, query, issues, view } = page;
  const notice = urlNotices(issues, query, store.extent, "embed");
  const server = {
    detailBody: view.selected ? <EventDetailBody detail={view.selected} text={view.text} back={backValue(query)} /> : null,
    notice: notice ? <UrlNotice notice={notice} label={translator(query.lang)("notice.label")} /> : null,
    // Rendered here: a view change in the embed is a page load, and a pan's change reaches the link
    // as it is followed (useFreshBackLinks).
    sources: (
      <a href={sourcesHref(SOURCES_INDEX, query.lang, backValue(query))} target="_blank" rel="noopener" {...BACK_LINK_PROPS}>
        {view.text.embed.sources}
        <span className="visually-hidden"> {view.text.embed.newTab}</span>
      </a>
    ),
    timelinePreview: <TimelinePreview model={view.timeline} groupBy={query.rows} selectedId={query.event} window={boundedWindow(query)} />,
  };
  const nonce = nonceOf((await headers()).get("Content-Security-Policy") ?? "") ?? undefined;
  return (
    <>
      <EmbedView view={browserView(view)} query={query} ignored={ignoredValues(page.params, query)} server={server} />
      <script nonce={nonce} dangerouslySetInnerHTML={{ __html: FIRST_HEIGHT_SCRIPT }} />
    </>
  );
}
