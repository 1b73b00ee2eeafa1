"use client";
import dynamic from "next/dynamic";
import type { CSSProperties } from "react";
import type { MapPoint } from "@/lib/map-points";
import { serializeQuery, TIMELINE_GROUPINGS, type TimelineGrouping } from "@/lib/query";
import { isBounded, windowOf, windowToRange, type TimeWindow } from "@/lib/time-window";
import type { BrowserView } from "@/lib/view-model";
import { useViewContext } from "./ViewContext";

// Leaflet and vis-timeline need the browser: they mount after hydration, into fixed-size panels.
const MapView = dynamic(() => import("./map/MapView").then((m) => m.MapView), { ssr: false, loading: () => <PanelLoading what="map" /> });
const TimelineView = dynamic(() => import("./timeline/TimelineView").then((m) => m.TimelineView), {
  ssr: false,
  loading: () => <PanelLoading what="timeline" />,
});

// The keyboard's time window: year fields that load with the timeline, not with the first page.
const TimeRangeInputs = dynamic(() => import("./timeline/TimeRangeInputs").then((m) => m.TimeRangeInputs), {
  ssr: false,
  loading: () => <RangePending />,
});

/** Holds the year fields' place until they load, so the bar does not rewrap and move the page. */
function RangePending() {
  const { text } = useViewContext();
  return (
    <div className="tl-range" aria-hidden="true" style={{ visibility: "hidden" }}>
      <span>{text.panels.range.label}</span>
      <input disabled />–<input disabled />
    </div>
  );
}

function PanelLoading({ what }: { what: "map" | "timeline" }) {
  const { text } = useViewContext();
  return <div className="panel-loading" role="status">{what === "map" ? text.panels.loadingMap : text.panels.loadingTimeline}</div>;
}

interface Props {
  view: BrowserView;
  /** The server's pins, or the live ones while the timeline is dragged. */
  pins: MapPoint[];
  unmapped: number;
  onScrub: (w: TimeWindow | null) => void;
}

/** Map and timeline, wired to the URL: each reads the view and writes user gestures back. */
export function ViewPanels({ view, pins, unmapped, onScrub }: Props) {
  const { query, setView, text } = useViewContext();
  const timeline = view.timeline;
  const filtersKey = serializeQuery({ ...query, from: null, to: null, event: null, map: null });
  const urlWindow = windowOf(query);
  const window = isBounded(urlWindow) ? urlWindow : null;

  // A null window shows every event: no time filter (the timeline decides, see lib/scrub-outcome.ts).
  const endScrub = (w: TimeWindow | null) => {
    const range = w ? windowToRange(w) : { from: null, to: null };
    if (range.from === query.from && range.to === query.to) onScrub(null);
    else setView(range, "replace");
  };
  const togglePlace = (placeId: string) => setView({ city: query.city.length === 1 && query.city[0] === placeId ? [] : [placeId] });

  return (
    <main className="views" aria-label={text.panels.views}>
      <section className="panel map-panel" aria-label={text.panels.map}>
        <MapView
          points={pins}
          unmapped={unmapped}
          selectedPlaceId={view.selected?.placeId ?? null}
          activeCities={query.city}
          view={query.map}
          live={pins !== view.pins}
          onPinClick={togglePlace}
          onViewChange={(map) => setView({ map }, "pan")}
        />
      </section>
      <section className="panel timeline-panel" aria-label={text.panels.timeline}>
        <div className="panel-bar">
          <span className="hint" aria-live="polite">
            {timeline.mode === "density" ? text.panels.densityHint : text.panels.dragHint}
          </span>
          <TimeRangeInputs extent={timeline.extent} />
          <label>
            {text.panels.rows}{" "}
            <select value={query.rows} onChange={(e) => setView({ rows: e.target.value as TimelineGrouping })}>
              {TIMELINE_GROUPINGS.map((g) => (
                <option key={g} value={g}>
                  {text.panels.groupings[g]}
                </option>
              ))}
            </select>
          </label>
        </div>
        {/* One line per row: on a phone the panel is as tall as its rows (a vertical swipe scrolls the
            page), sized on the server so nothing below moves when the timeline mounts. */}
        <div className="timeline-host" style={{ "--tl-rows": Math.max(timeline.groups.length, 1) } as CSSProperties}>
          <TimelineView
            model={timeline}
            groupBy={query.rows}
            selectedId={query.event}
            window={window}
            fitKey={filtersKey}
            onScrub={onScrub}
            onScrubEnd={endScrub}
            onSelect={(id) => setView({ event: id })}
          />
        </div>
      </section>
    </main>
  );
}
