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
import { ignoredValues } from "@/lib/query/parse";
import { StoreUnavailableError } from "@/lib/data/store";
import { isStoreRefusal } from "@/lib/http/unavailable";
import { boundedWindow, windowOf } from "@/lib/core/time-window";
import { urlNotices } from "@/lib/view/url-notices";
import { browserView, withTourStops } from "@/lib/view/view-model";
import { translator } from "@/lib/i18n/translator";
import { langOf } from "@/lib/i18n/lang";
import { siteUrl } from "@/lib/http/site-url";
import { viewWords } from "@/lib/view/view-summary";
import { backValue } from "@/lib/query/back";
import { CoverageLine } from "@/components/dashboard/CoverageLine";
import { TourPanel } from "@/components/tours/TourPanel";
import { sourcePath, sourcesHref } from "@/lib/sources/sources";
import type { StoreSnapshot } from "@/lib/data/store";
import type { Query, Vocabulary } from "@/lib/query/query";
import { stepLine, stepPreviewHref, stepStops, stepTitle, type CurrentStep } from "@/lib/tours/steps";
import { oembedAlternate, pageView, type SearchParams } from "./page-view";

type Props = { searchParams: Promise<SearchParams> };

/** Each shared link previews its own view: "Shanghai · 2023–2025 · 4 events", with an image of it. */
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const params = await searchParams;
  // A refused dataset titles the error page; any other failure is ours and surfaces.
  const page = await pageView(params).catch((error: unknown) => {
    if (isStoreRefusal(error)) return null;
    throw error;
  });
  if (!page) {
    const t = translator(langOf([params.lang].flat()[0]));
    return { title: `${t("site.name")} — ${t("site.datasetErrorTitle")}` };
  }
  const { query, view, store, step: tourStep } = page;
  const { title, pageTitle: viewTitle, sentence } = viewWords(query, store, view.matched);
  const t = translator(query.lang);
  const site = t("site.name");
  // A tour's step is titled by its own title and its tour's, so each step reads as its own page.
  const pageTitle = tourStep ? stepTitle(tourStep, query.lang) : viewTitle;
  // A step's image draws its title over its view, as its page is titled.
  const image = tourStep ? stepPreviewHref(query, tourStep) : previewHref(query, {});
  const description = t("site.previewDescription", { sentence });
  // Previews need absolute URLs: SITE_URL, else the validated Host header (lib/http/site-url.ts).
  const base = siteUrl((await headers()).get("host"));
  return {
    metadataBase: base,
    alternates: { types: oembedAlternate(query, base) },
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

/**
 * The server computes the view the URL asks for; only that view reaches the browser. Every store
 * read of the render happens before any markup is returned, inside one catch: a store that fails
 * midway (the database going down after proxy.ts let the request through) shows the plain "data
 * unavailable" view, never half a dashboard and never a 500. Its status is the one proxy.ts chose
 * (503 when the store was already down then): Next lets a page set none but 404, 403 and 401. The
 * view's mark keeps server.mjs from caching it (UNAVAILABLE_MARK).
 */
export default async function Page({ searchParams }: Props) {
  const params = await searchParams;
  try {
    return await dashboard(params);
  } catch (error) {
    if (isStoreRefusal(error)) {
      if (error instanceof StoreUnavailableError) console.error(error.message);
      return <DatasetErrorView error={error} lang={langOf([params.lang].flat()[0])} />;
    }
    throw error;
  }
}

async function dashboard(params: SearchParams) {
  const page = await pageView(params);
  const { store, query, issues, view, step: tourStep, vocabulary } = page;
  const notice = urlNotices(issues, query, store.extent);
  const { coverage } = await store.sourcesIndex();
  // Links to the pages about the data carry this view, so that their "Back" returns to it.
  const back = backValue(query);
  const [tour, tourLine] = tourStep
    ? await Promise.all([tourPanel(tourStep, query, vocabulary, store, back), stepLine(tourStep, (id) => placeOfEvent(store, id))])
    : [null, null];
  // Parts that only show what the server computed are rendered here: their markup reaches the browser, not their code.
  const server = {
    coverage: <CoverageLine coverage={coverage} lang={query.lang} back={back} tours={page.tours.length > 0} />,
    detailBody: view.selected ? <EventDetailBody detail={view.selected} text={view.text} back={back} /> : null,
    filters: (
      <>
        <ActiveFilters chips={view.chips} query={query} text={view.text} />
        <Facets facets={view.facets} years={view.years} query={query} text={view.text} />
      </>
    ),
    notice: notice ? <UrlNotice notice={notice} label={translator(query.lang)("notice.label")} /> : null,
    tour,
    timelinePreview: <TimelinePreview model={view.timeline} groupBy={query.rows} selectedId={query.event} window={boundedWindow(query)} />,
  };
  return (
    <Dashboard
      view={tourStep ? withTourStops(browserView(view), await stepStops(tourStep, query, store), windowOf(query)) : browserView(view)}
      query={query}
      ignored={ignoredValues(page.params, query)}
      server={server}
      tourEvents={tourStep?.step.events}
      tourLine={tourLine}
    />
  );
}

/** The tour step's panel, with its events' titles and its quotes' documents in the reader's language. */
async function tourPanel(current: CurrentStep, query: Query, vocabulary: Vocabulary, store: StoreSnapshot, back: string) {
  const { withText } = await store.sourcesIndex();
  const events = await Promise.all(
    current.step.events.map(async (id) => {
      const e = await store.event(id);
      return { id, title: (query.lang === "zh" ? e?.titleZh : undefined) ?? e?.title ?? id };
    }),
  );
  const sources = current.step.sources.map(({ document, quote }) => {
    const doc = store.names.sourceByFile.get(document);
    const href = doc && withText.has(document) ? sourcesHref(sourcePath(doc.id), query.lang, back) : null;
    return { quote, title: doc?.title ?? document, href };
  });
  return <TourPanel current={current} query={query} vocabulary={vocabulary} events={events} sources={sources} />;
}

/** An event's place, or null for an unmapped event. */
async function placeOfEvent(store: StoreSnapshot, id: string) {
  const event = await store.event(id);
  return (event?.place && store.names.placeById.get(event.place)) || null;
}
