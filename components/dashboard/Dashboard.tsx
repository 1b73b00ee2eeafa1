"use client";
import { useMemo, type MouseEvent, type ReactNode } from "react";
import type { Query } from "@/lib/query/query";
import type { BrowserView } from "@/lib/view/view-model";
import { EventDetail } from "../event/EventDetail";
import { EventList } from "../event/EventList";
import { LanguageSwitch } from "./LanguageSwitch";
import { SearchBox } from "../filters/SearchBox";
import { ShareAndExport } from "../share/ShareAndExport";
import { SummaryLine } from "./SummaryLine";
import { useFreshBackLinks } from "./useFreshBackLinks";
import { useLiveView } from "./useLiveView";
import { useSelectionFocus } from "./useSelectionFocus";
import { useView } from "./useView";
import { ViewPanels } from "./ViewPanels";
import { ViewProvider, type TourLine } from "./ViewContext";

const NONE: readonly string[] = [];

/** Focuses the list without putting "#events" in the URL that "Copy link" shares. */
function skipToList(e: MouseEvent) {
  e.preventDefault();
  document.getElementById("events")?.focus();
}

/**
 * Focuses the timeline's one tab stop (the event the arrow keys start from), so a keyboard reader
 * reaches it in two key presses instead of tabbing past every filter; its date fields while the
 * live timeline is still loading (the skip link's focus has already woken it).
 */
function skipToTimeline(e: MouseEvent) {
  e.preventDefault();
  const stop = document.querySelector<HTMLElement>('.timeline-host .tl-item-body[tabindex="0"]');
  (stop ?? document.querySelector<HTMLElement>(".timeline-panel input"))?.focus();
}

/** Parts of the dashboard rendered on the server (page.tsx): their code never reaches the browser. */
export interface ServerParts {
  /** What the dataset covers, with a link to the sources index (CoverageLine). */
  coverage: ReactNode;
  /** The selected event's body (EventDetailBody). */
  detailBody: ReactNode;
  /** The active-filter chips and the filter controls (ActiveFilters, Facets). */
  filters: ReactNode;
  /** The guided tour's step (TourPanel), or null outside a tour. */
  tour: ReactNode;
  /** What the page did with the link's values (UrlNotice), or null. */
  notice: ReactNode;
  /** The timeline as it opens (TimelinePreview), shown until vis-timeline has drawn. */
  timelinePreview: ReactNode;
}

/**
 * The dashboard for the view the server computed; while the timeline is dragged, the view follows it
 * live (useLiveView).
 */
export function Dashboard({
  view,
  query: serverQuery,
  ignored,
  server,
  tourEvents = NONE,
  tourLine = null,
}: {
  view: BrowserView;
  query: Query;
  ignored: Partial<Query>;
  server: ServerParts;
  /** The events the open tour step is about. */
  tourEvents?: readonly string[];
  /** From the previous tour step's place to this step's, drawn on the map. */
  tourLine?: TourLine | null;
}) {
  const { query, setView: setUrl, hrefFor, pending } = useView(serverQuery, ignored);
  useFreshBackLinks(query);
  const setView = useSelectionFocus(view.selected?.id ?? null, setUrl);
  const highlighted = useMemo(() => new Set(tourEvents), [tourEvents]);
  const context = useMemo(
    () => ({ query, setView, hrefFor, text: view.text, highlighted, tourLine }),
    [query, setView, hrefFor, view.text, highlighted, tourLine],
  );
  const { awake, live, onScrub, frame, onFrame, counted } = useLiveView(view);

  // What a drag does not change, made once per view: React skips re-rendering an identical element.
  const tools = useMemo(
    () => (
      <>
        <SearchBox dataYears={view.dataYears} />
        <ShareAndExport viewName={view.summary.sentence || view.summary.count} />
      </>
    ),
    [view.dataYears, view.summary],
  );
  const detail = useMemo(
    () => (view.selected ? <EventDetail detail={view.selected}>{server.detailBody}</EventDetail> : null),
    [view, server.detailBody],
  );

  return (
    <ViewProvider value={context}>
      {/* The first tab stop: past the masthead, map and timeline to the list (its target is focusable). */}
      <a className="skip-link" href="#events" onClick={skipToList}>
        {view.text.skipToList}
      </a>
      <a className="skip-link" href="#timeline" onClick={skipToTimeline}>
        {view.text.skipToTimeline}
      </a>
      <div className="dashboard" aria-busy={pending}>
        <header className="masthead">
          <div className="titles">
            <h1>{view.text.heading}</h1>
            <SummaryLine total={view.total} summary={view.summary} parts={view.sentence} live={live} />
            {server.coverage}
            {server.notice}
          </div>
          {tools}
          <LanguageSwitch />
        </header>
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
        />
        <aside className="sidebar" aria-label={view.text.list.sidebar}>
          {/* Outside the list's scroll area, so it stays in view however far down the chosen row is. */}
          {detail}
          <div className="sidebar-scroll">
            {server.tour}
            {server.filters}
            <EventList
              rows={live?.rows ?? view.list}
              next={view.listNext}
              matched={live?.matched ?? view.matched}
              suggestion={view.suggestion}
              dragging={live ? (live.rows ? "live" : "stale") : null}
            />
          </div>
        </aside>
      </div>
    </ViewProvider>
  );
}
