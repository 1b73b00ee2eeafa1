"use client";
import { useCallback, useEffect, useMemo, useRef, type ReactNode } from "react";
import { EMBED_PATH } from "@/lib/embed/embed-code";
import { pageHref } from "@/lib/query/endpoints";
import type { Query } from "@/lib/query/query";
import type { BrowserView } from "@/lib/view/view-model";
import { SummaryLine } from "../dashboard/SummaryLine";
import { useFreshBackLinks } from "../dashboard/useFreshBackLinks";
import { useLiveView } from "../dashboard/useLiveView";
import { useView, type SetView } from "../dashboard/useView";
import { ViewPanels } from "../dashboard/ViewPanels";
import { ViewProvider } from "../dashboard/ViewContext";
import { EventDetail } from "../event/EventDetail";
import { EventList } from "../event/EventList";
import { useHostMessages } from "./useHostMessages";

/** Parts of the embed rendered on the server (app/embed/page.tsx), as on the dashboard. */
export interface EmbedServerParts {
  detailBody: ReactNode;
  notice: ReactNode;
  /** The link to the sources index, carrying the view back (rendered by the page). */
  sources: ReactNode;
  timelinePreview: ReactNode;
}

/**
 * A link out of the embedded view (a source document, the dashboard) opens in a new tab: the frame
 * stays on the view, and those pages refuse to be framed anyway. Links to another view stay in it.
 */
function leaveInNewTab(e: Event) {
  const link = (e.target as Partial<Element>).closest?.("a[href]");
  if (!(link instanceof HTMLAnchorElement) || new URL(link.href).pathname === EMBED_PATH) return;
  link.target = "_blank";
  link.rel = "noopener";
}

/**
 * The view the server computed, framed for another site: the summary, the parts the link asks for
 * (`ui`: map, timeline, list) and links to the sources and to the same view on the dashboard. It
 * shares the dashboard's components and view model; what differs is the frame's chrome, its host
 * messages (useHostMessages) and that every view change loads a page.
 */
export function EmbedView({
  view,
  query: serverQuery,
  ignored,
  server,
}: {
  view: BrowserView;
  query: Query;
  ignored: Partial<Query>;
  server: EmbedServerParts;
}) {
  const { query, setView: setUrl, hrefFor } = useView(serverQuery, ignored);
  // A new view is a page load. In a sandbox without `allow-same-origin` the frame's origin is opaque,
  // so the router's fetch of the next view would be a cross-origin request with custom headers, which
  // the browser refuses; loading the view's URL as a page needs no permission. Changes that stay in
  // the browser (a pan, playback's frames) go to the URL as on the dashboard.
  const setView = useCallback<SetView>(
    (patch, how = "push") => {
      // A frame the server would count (the scrub index not yet here) stays in the URL in place too:
      // a page load per frame would restart the frame; the frame shows once the index arrives.
      if (how === "pan" || how === "frame" || how === "served-frame") return setUrl(patch, how === "pan" ? how : "frame");
      const next = hrefFor(patch);
      if (how === "push") window.location.assign(next);
      else window.location.replace(next);
    },
    [setUrl, hrefFor],
  );
  useFreshBackLinks(query);
  const context = useMemo(() => ({ query, setView, hrefFor, text: view.text }), [query, setView, hrefFor, view.text]);
  const { awake, live, onScrub, frame, onFrame, counted } = useLiveView(view);
  const root = useRef<HTMLDivElement>(null);
  useHostMessages(root, query);
  useEffect(() => {
    const element = root.current;
    // Captured: the link is retargeted before the browser follows it.
    element?.addEventListener("click", leaveInNewTab, true);
    return () => element?.removeEventListener("click", leaveInNewTab, true);
  }, []);
  const text = view.text;
  const show = { map: query.ui.includes("map"), timeline: query.ui.includes("timeline"), list: query.ui.includes("list") };
  const detail = view.selected ? <EventDetail detail={view.selected}>{server.detailBody}</EventDetail> : null;

  return (
    <ViewProvider value={context}>
      <div ref={root} className="embed" data-theme={query.theme} data-parts={query.ui.join(" ")}>
        <h1 className="visually-hidden">{text.heading}</h1>
        <div className="embed-head">
          <SummaryLine total={view.total} summary={view.summary} parts={view.sentence} live={live} />
          {server.notice}
        </div>
        {show.map || show.timeline ? (
          <ViewPanels
            view={view}
            pins={live?.pins ?? view.pins}
            unmapped={live?.unmapped ?? view.unmapped}
            onScrub={onScrub}
            frame={frame}
            onFrame={onFrame}
            counts={{ events: live?.matched ?? view.matched, places: (live?.pins ?? view.pins).length }}
            counted={counted}
            awake={awake}
            timelinePreview={server.timelinePreview}
            show={show}
            autoplay={query.autoplay}
          />
        ) : null}
        {show.list ? (
          <aside className="embed-list" aria-label={text.list.sidebar}>
            {detail}
            <EventList
              rows={live?.rows ?? view.list}
              next={view.listNext}
              matched={live?.matched ?? view.matched}
              suggestion={view.suggestion}
              dragging={live ? (live.rows ? "live" : "stale") : null}
            />
          </aside>
        ) : (
          detail
        )}
        <p className="embed-links">
          {server.sources}
          <a href={pageHref(query, {})} target="_blank" rel="noopener" data-testid="open-full-view">
            {text.embed.openFull}
            <span className="visually-hidden"> {text.embed.newTab}</span>
          </a>
        </p>
      </div>
    </ViewProvider>
  );
}
