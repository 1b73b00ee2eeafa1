"use client";
import { useMemo, useState } from "react";
import { indexDataset, type Dataset } from "@/lib/dataset";
import { filterEvents, type Window } from "@/lib/filter";
import { useView } from "./useView";
import { ViewProvider } from "./ViewContext";
import { SummaryLine } from "./SummaryLine";
import { ActiveFilters } from "./ActiveFilters";
import { EventList } from "./EventList";
import { EventDetail } from "./EventDetail";
import { ViewPanels } from "./ViewPanels";
import { Facets } from "./Facets";
import { SearchBox } from "./SearchBox";
import { ShareAndExport } from "./ShareAndExport";

/**
 * The whole dashboard. Server-rendered with the URL's view (so a shared link shows the right list
 * and counts before JavaScript), then kept in step with the URL on the client.
 */
export function Dashboard({ dataset }: { dataset: Dataset }) {
  const index = useMemo(() => indexDataset(dataset), [dataset]);
  const { query, setView, hrefFor } = useView(index);
  // While the timeline is being dragged, its visible window filters live; the URL catches up when the gesture ends.
  const [liveWindow, setLiveWindow] = useState<Window | null>(null);
  const matching = useMemo(() => filterEvents(index, query, liveWindow ?? undefined), [index, query, liveWindow]);
  const selected = query.event ? (index.eventById.get(query.event) ?? null) : null;
  const context = useMemo(() => ({ index, query, setView, hrefFor }), [index, query, setView, hrefFor]);

  return (
    <ViewProvider value={context}>
      <div className="dashboard">
        <header className="masthead">
          <div className="titles">
            <h1>China–UNESCO education cooperation, 2014–2025</h1>
            <SummaryLine matched={matching.length} liveWindow={liveWindow} />
          </div>
          <SearchBox />
          <ShareAndExport />
        </header>
        <ViewPanels matching={matching} onScrub={setLiveWindow} />
        <aside className="sidebar" aria-label="Events">
          <ActiveFilters />
          {selected ? <EventDetail event={selected} /> : null}
          <Facets />
          <EventList events={matching} />
        </aside>
      </div>
    </ViewProvider>
  );
}
