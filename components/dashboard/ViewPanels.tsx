"use client";
import { useState, type CSSProperties, type ReactNode } from "react";
import type { MapPoint } from "@/lib/map/map-points";
import { isFiltered, searchFor, TIMELINE_GROUPINGS, type TimelineGrouping } from "@/lib/query/query";
import { boundedWindow } from "@/lib/core/time-window";
import type { Range } from "@/lib/timeline/scrub-outcome";
import type { BrowserView } from "@/lib/view/view-model";
import { clientOnly } from "./client-only";
import { useViewContext } from "./ViewContext";

// Leaflet and vis-timeline need the browser: they load on the reader's first gesture (`awake`)
// and mount under the still previews, which step aside once the live ones have drawn.
const MapView = clientOnly(() => import("../map/MapView").then((m) => m.MapView));
const TimelineView = clientOnly(() => import("../timeline/TimelineView").then((m) => m.TimelineView));
// The map's preview needs the panel's size (pins land where Leaflet will put them): browser-only too.
const MapPreview = clientOnly(() => import("../map/MapPreview").then((m) => m.MapPreview), MapLoading);

// The keyboard's time window: year fields that load with the timeline, not with the first page.
const TimeRangeInputs = clientOnly(() => import("../timeline/TimeRangeInputs").then((m) => m.TimeRangeInputs), RangePending);
// The Play control beside them, likewise (its frames, loop and date labels are not the first page's).
const Player = clientOnly(() => import("../playback/Player").then((m) => m.Player), PlayerPending);

/** The Play button's place until the player loads. */
function PlayerPending() {
  const { text } = useViewContext();
  return (
    <div className="player" aria-hidden="true" style={{ visibility: "hidden" }}>
      <button type="button" disabled>
        <span aria-hidden="true">▶</span> <span className="player-start-label">{text.playback.start}</span>
      </button>
    </div>
  );
}

/** Holds the date fields' place until they load, so the bar does not rewrap and move the page. */
function RangePending() {
  const { text } = useViewContext();
  return (
    <div className="tl-range" aria-hidden="true" style={{ visibility: "hidden" }}>
      <span>{text.panels.range.label}</span>
      <input disabled />–<input disabled />
    </div>
  );
}

function MapLoading() {
  const { text } = useViewContext();
  return (
    <div className="panel-loading" role="status">
      {text.panels.loadingMap}
    </div>
  );
}

interface Props {
  view: BrowserView;
  /** The server's pins, or the live ones while the timeline is dragged. */
  pins: MapPoint[];
  unmapped: number;
  onScrub: (range: Range | null) => void;
  /** Playback's frame shown ahead of the server, or null; and how the player shows one. */
  frame: Range | null;
  onFrame: (range: Range | null) => void;
  /** What the view shows now: the player's announcement counts it. */
  counts: { events: number; places: number };
  /** The browser can count a window itself (the scrub index has arrived). */
  counted: boolean;
  /** The reader has made a first gesture: load the live map and timeline (useFirstGesture). */
  awake: boolean;
  /** The timeline as it opens, drawn on the server (TimelinePreview). */
  timelinePreview: ReactNode;
  /** Which panels to show: both on the dashboard; an embed may choose (`ui=`). */
  show?: { map: boolean; timeline: boolean };
  /** Start playing as the page opens (an embed's `autoplay=1`). */
  autoplay?: boolean;
}

/** Map and timeline, wired to the URL: each reads the view and writes user gestures back. */
export function ViewPanels({
  view,
  pins,
  unmapped,
  onScrub,
  frame,
  onFrame,
  counts,
  counted,
  awake,
  timelinePreview,
  show = { map: true, timeline: true },
  autoplay = false,
}: Props) {
  const { query, setView, text, highlighted } = useViewContext();
  const [mapDrawn, setMapDrawn] = useState(false);
  const [timelineDrawn, setTimelineDrawn] = useState(false);
  const timeline = view.timeline;
  // While playing, the timeline shows the frame before the URL (and the server) catch up.
  const window = boundedWindow(frame ?? query);

  // Both ends null: no time filter (the timeline decides, see lib/timeline/scrub-outcome.ts).
  const endScrub = (range: Range) => {
    if (range.from === query.from && range.to === query.to) onScrub(null);
    else setView(range, "replace");
  };
  const togglePlace = (placeId: string) => setView({ city: query.city.length === 1 && query.city[0] === placeId ? [] : [placeId] });

  return (
    <main className="views" aria-label={text.panels.views}>
      {show.map ? (
        <section className="panel map-panel" aria-label={text.panels.map}>
          {awake ? (
            <MapView
              points={pins}
              unmapped={unmapped}
              selectedPlaceId={view.selected?.placeId ?? null}
              activeCities={query.city}
              view={query.map}
              live={pins !== view.pins}
              playing={frame !== null}
              onPinClick={togglePlace}
              onViewChange={(map) => setView({ map }, "pan")}
              onDrawn={() => setMapDrawn(true)}
            />
          ) : null}
          {mapDrawn ? null : (
            <MapPreview
              points={view.pins}
              unmappedNote={view.unmappedNote}
              selectedPlaceId={view.selected?.placeId ?? null}
              activeCities={query.city}
              view={query.map}
              home={!isFiltered(query)}
              onPinClick={togglePlace}
            />
          )}
        </section>
      ) : null}
      {show.timeline ? (
        <section id="timeline" className="panel timeline-panel" aria-label={text.panels.timeline}>
          <div className="panel-bar">
            <span className="hint" aria-live="polite">
              {timeline.mode === "density" ? text.panels.densityHint : text.panels.dragHint}
            </span>
            <TimeRangeInputs extent={timeline.extent} frame={frame} />
            <Player
              extent={timeline.extent}
              shownFor={view}
              onFrame={onFrame}
              counts={counts}
              windowWords={view.sentence.windowWords}
              counted={counted}
              autoplay={autoplay}
            />
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
            {awake ? (
              <TimelineView
                model={timeline}
                groupBy={query.rows}
                selectedId={query.event}
                window={window}
                range={{ from: query.from, to: query.to }}
                fitKey={searchFor("fit", query)}
                onScrub={onScrub}
                onScrubEnd={endScrub}
                onSelect={(id) => setView({ event: id })}
                onDrawn={() => setTimelineDrawn(true)}
                highlighted={highlighted}
              />
            ) : null}
            {timelineDrawn ? null : timelinePreview}
          </div>
        </section>
      ) : null}
    </main>
  );
}
