"use client";
import dynamic from "next/dynamic";
import { useMemo, useState } from "react";
import type { IndexedEvent } from "@/lib/dataset";
import { toDayString } from "@/lib/dates";
import { facetBase, windowOf, type Window } from "@/lib/filter";
import { mapPoints } from "@/lib/map-points";
import { serializeQuery } from "@/lib/query";
import type { TimelineGrouping } from "@/lib/timeline-items";
import { useViewContext } from "./ViewContext";

// Leaflet and vis-timeline need the browser: they mount after hydration, into fixed-size panels.
const MapView = dynamic(() => import("./map/MapView").then((m) => m.MapView), { ssr: false, loading: () => <PanelLoading what="map" /> });
const TimelineView = dynamic(() => import("./timeline/TimelineView").then((m) => m.TimelineView), {
  ssr: false,
  loading: () => <PanelLoading what="timeline" />,
});

function PanelLoading({ what }: { what: string }) {
  return <div className="panel-loading" role="status">Loading the {what}…</div>;
}

/** Map and timeline, wired to the URL: each reads the view and writes user gestures back. */
export function ViewPanels({ matching, onScrub }: { matching: IndexedEvent[]; onScrub: (w: Window | null) => void }) {
  const { index, query, setView } = useViewContext();
  const [groupBy, setGroupBy] = useState<TimelineGrouping>("category");
  // Too many events to draw one by one: the timeline shows how many fall in each period instead.
  const [density, setDensity] = useState(false);
  const selected = query.event ? index.eventById.get(query.event) : undefined;

  // The timeline shows everything but the time filter: its visible range *is* the time filter.
  const timelineEvents = useMemo(() => facetBase(index, query, "time"), [index, query]);
  const { points, unmapped } = useMemo(() => mapPoints(matching, index), [matching, index]);
  const filtersKey = serializeQuery({ ...query, from: null, to: null, event: null, map: null });
  const window = useMemo(() => finiteWindow(query.from, query.to, index.events), [query.from, query.to, index.events]);

  const endScrub = (w: Window) => {
    onScrub(null);
    setView({ from: toDayString(w.startMs), to: toDayString(w.endMs) }, "replace");
  };
  const togglePlace = (placeId: string) => setView({ city: query.city.length === 1 && query.city[0] === placeId ? [] : [placeId] });

  return (
    <main className="views" aria-label="Map and timeline">
      <section className="panel map-panel" aria-label="Map of event places">
        <MapView
          points={points}
          unmapped={unmapped}
          selectedPlaceId={selected?.place ?? null}
          activeCities={query.city}
          view={query.map}
          fitKey={filtersKey}
          onPinClick={togglePlace}
          onViewChange={(view) => setView({ map: view }, "replace")}
        />
      </section>
      <section className="panel timeline-panel" aria-label="Timeline">
        <div className="panel-bar">
          <span className="hint" aria-live="polite">
            {density ? "Showing density — zoom in to see events" : "Drag or zoom the timeline to set the time window"}
          </span>
          <label>
            Rows{" "}
            <select value={groupBy} onChange={(e) => setGroupBy(e.target.value as TimelineGrouping)}>
              <option value="category">by category</option>
              <option value="organization">by organization</option>
              <option value="none">single row</option>
            </select>
          </label>
        </div>
        <div className="timeline-host">
          <TimelineView
            index={index}
            events={timelineEvents}
            groupBy={groupBy}
            selectedId={query.event}
            window={window}
            fitKey={filtersKey}
            onScrub={onScrub}
            onScrubEnd={endScrub}
            onSelect={(id) => setView({ event: id })}
            onModeChange={(mode) => setDensity(mode === "density")}
          />
        </div>
      </section>
    </main>
  );
}

/** The URL's window with open ends closed at the data's first start or last end, so the timeline can show it. */
function finiteWindow(from: string | null, to: string | null, events: IndexedEvent[]): Window | null {
  if (!from && !to) return null;
  const w = windowOf({ from, to });
  const first = events[0]?.startMs ?? 0;
  const last = events.reduce((max, e) => Math.max(max, e.endMs), first);
  return { startMs: Number.isFinite(w.startMs) ? w.startMs : first, endMs: Number.isFinite(w.endMs) ? w.endMs : last };
}
