"use client";
import { useCallback, useMemo, useState, type ReactNode } from "react";
import { flushSync } from "react-dom";
import { rowsInWindow } from "@/lib/live-view";
import { pointsFromTally } from "@/lib/map-points";
import type { Query } from "@/lib/query";
import { tallyWindow } from "@/lib/scrub-index";
import type { TimeWindow } from "@/lib/time-window";
import type { DashboardView } from "@/lib/view-model";
import { ActiveFilters } from "./ActiveFilters";
import { EventDetail } from "./EventDetail";
import { EventList } from "./EventList";
import { Facets } from "./Facets";
import { LanguageSwitch } from "./LanguageSwitch";
import { SearchBox } from "./SearchBox";
import { ShareAndExport } from "./ShareAndExport";
import { SummaryLine } from "./SummaryLine";
import { useScrubIndex } from "./useScrubIndex";
import { useView } from "./useView";
import { ViewPanels } from "./ViewPanels";
import { ViewProvider } from "./ViewContext";

/**
 * The dashboard for the view the server computed. While the timeline is dragged, the browser filters
 * the compact scrub index by the visible window on every frame (count, pins, list); when the drag
 * ends, the window goes to the URL and the server computes the view again.
 */
export function Dashboard({ view, query: serverQuery, notice }: { view: DashboardView; query: Query; /** What the page did with the link's values (server-rendered). */ notice: ReactNode }) {
  const { query, setView, hrefFor, pending } = useView(serverQuery);
  const context = useMemo(() => ({ query, setView, hrefFor, text: view.text }), [query, setView, hrefFor, view.text]);
  // The dragged window belongs to the view it was dragged over: a new view from the server replaces it.
  const [drag, setDrag] = useState<{ over: DashboardView; window: TimeWindow } | null>(null);
  const liveWindow = drag?.over === view ? drag.window : null;
  // Synchronous: the map and count answer the same drag step, in the same frame.
  const onScrub = useCallback((window: TimeWindow | null) => flushSync(() => setDrag(window ? { over: view, window } : null)), [view]);
  const columns = useScrubIndex(view.scrubIndexUrl);

  const live = useMemo(() => {
    if (!liveWindow || !columns) return null;
    const { matched, tally } = tallyWindow(columns, liveWindow, view.places.length);
    const rows = view.timeline.mode === "events" ? rowsInWindow(view.timeline.events, liveWindow) : null;
    return { window: liveWindow, matched, pins: pointsFromTally(tally, view.places), unmapped: tally.unmapped, rows };
  }, [liveWindow, columns, view]);

  // What a drag does not change, made once per view: React skips re-rendering an identical element.
  const tools = useMemo(
    () => (
      <>
        <SearchBox />
        <ShareAndExport />
      </>
    ),
    [],
  );
  const sidebarTop = useMemo(
    () => (
      <>
        <ActiveFilters chips={view.chips} />
        {view.selected ? <EventDetail detail={view.selected} /> : null}
        <Facets facets={view.facets} years={view.years} />
      </>
    ),
    [view],
  );

  return (
    <ViewProvider value={context}>
      <div className="dashboard" aria-busy={pending}>
        <header className="masthead">
          <div className="titles">
            <h1>{view.text.heading}</h1>
            <SummaryLine
              total={view.total}
              matched={live?.matched ?? view.matched}
              parts={view.sentence}
              liveWindow={live?.window ?? null}
            />
            {notice}
          </div>
          {tools}
          <LanguageSwitch />
        </header>
        <ViewPanels view={view} pins={live?.pins ?? view.pins} unmapped={live?.unmapped ?? view.unmapped} onScrub={onScrub} />
        <aside className="sidebar" aria-label={view.text.list.sidebar}>
          {sidebarTop}
          <EventList
            rows={live?.rows ?? view.list}
            matched={live?.matched ?? view.matched}
            suggestion={view.suggestion}
            dragging={live ? (live.rows ? "live" : "stale") : null}
          />
        </aside>
      </div>
    </ViewProvider>
  );
}
