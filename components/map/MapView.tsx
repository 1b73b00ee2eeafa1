"use client";
import "leaflet/dist/leaflet.css";
import "./map.css";
import { useEffect, useState } from "react";
import { MapContainer, useMap, ZoomControl } from "react-leaflet";
import { unmappedLabel, type MapPoint } from "@/lib/map/map-points";
import { fitBoundsFor, fitOptionsFor } from "@/lib/map/map-fit";
import { isFiltered, type MapView as MapViewport } from "@/lib/query/query";
import { useViewContext } from "../dashboard/ViewContext";
import { Basemap } from "./Basemap";
import { MapEmpty } from "./MapEmpty";
import { MapLegend } from "./MapLegend";
import { UnmappedNote } from "./UnmappedNote";
import { PinLayer } from "./PinLayer";
import { TouchGestures } from "./TouchGestures";
import { TourLine } from "./TourLine";
import { ViewSync } from "./ViewSync";
import { ZOOM_RULES } from "./map-settings";

export interface MapViewProps {
  points: MapPoint[];
  /** Events with no place: told beside the map, since it cannot show them. */
  unmapped: number;
  /** The selected event's place: its pin is highlighted. */
  selectedPlaceId: string | null;
  /** Places in the city filter: their pins are styled as active. */
  activeCities: string[];
  /** The URL's viewport; null = fit the points. */
  view: MapViewport | null;
  /** The points are the timeline drag's live ones, not the URL's. */
  live: boolean;
  /** The points are playback's frames (ViewSync then keeps one widening camera). */
  playing: boolean;
  onPinClick: (placeId: string) => void;
  /** After a user's pan or zoom ends; never for the map's own fits. */
  onViewChange: (view: MapViewport) => void;
  /** Once the basemap is drawn: the still preview over it can go. */
  onDrawn?: () => void;
}

const MAX_ZOOM = ZOOM_RULES.maxZoom;

/**
 * The event map: one pin per place with its number of events, clustered where pins would overlap
 * (badges show event counts).
 * Fills its parent, which must give it a height. Browser-only: load it with `clientOnly` (components/dashboard/client-only.tsx).
 */
export default function MapView(props: MapViewProps) {
  const { points, unmapped, selectedPlaceId, activeCities, view, live, playing, onPinClick, onViewChange, onDrawn } = props;
  const { text, query, setView, tourLine } = useViewContext();
  // The unfiltered view opens China first; a live drag is a time filter already.
  const home = !isFiltered(query) && !live;
  const selectedPoint = points.find((p) => p.placeId === selectedPlaceId);
  const selected = selectedPoint ? { placeId: selectedPoint.placeId, lat: selectedPoint.lat, lon: selectedPoint.lon } : null;
  // MapContainer reads these once; later changes go through ViewSync.
  // Until the basemap is drawn this map sits under the still preview, which shows the same overlays:
  // drawing them twice would put two "No events match" (and two legends) before a screen reader.
  const [drawn, setDrawn] = useState(false);
  const [initial] = useState(() => {
    if (view) return { center: [view.lat, view.lon] as [number, number], zoom: view.zoom };
    const bounds = fitBoundsFor(points, home);
    return { bounds, boundsOptions: fitOptionsFor(bounds) };
  });

  return (
    <div className="map-view">
      <MapContainer
        {...initial}
        className="map-view__map"
        minZoom={ZOOM_RULES.minZoom}
        maxZoom={MAX_ZOOM}
        zoomSnap={ZOOM_RULES.zoomSnap}
        preferCanvas // the basemap's country outlines draw faster on canvas; pins are DOM elements regardless
        trackResize={false} // ViewSync watches the container itself and keeps resizes out of onViewChange
        zoomControl={false} // added below, in the reader's language
      >
        <MapName label={text.panels.map} />
        <ZoomControl position="topleft" zoomInTitle={text.map.zoomIn} zoomOutTitle={text.map.zoomOut} />
        <Basemap
          onDrawn={() => {
            setDrawn(true);
            onDrawn?.();
          }}
        />
        {/* A guided tour: from the previous step's place to this one's, under the pins. */}
        {tourLine ? <TourLine line={tourLine} /> : null}
        <PinLayer
          points={points}
          selectedPlaceId={selectedPlaceId}
          activeCities={activeCities}
          clusterMaxZoom={MAX_ZOOM - 1}
          onPinClick={onPinClick}
        />
        <ViewSync
          points={points}
          playing={playing}
          home={home}
          view={view}
          selected={selected}
          onViewChange={onViewChange}
          onClearView={() => setView({ map: null }, "pan")}
        />
        <TouchGestures />
      </MapContainer>
      {drawn ? (
        <>
          {/* A playback frame with no events is an empty map, not a view to clear: the summary says which period it is. */}
          {points.length === 0 && unmapped === 0 && !playing ? <MapEmpty /> : null}
          {unmapped > 0 ? <UnmappedNote note={unmappedLabel(unmapped, text)} /> : null}
          <MapLegend />
        </>
      ) : null}
    </div>
  );
}

/** Names Leaflet's container, which is focusable (arrow keys pan it) but would be announced without a name. */
function MapName({ label }: { label: string }) {
  const map = useMap();
  useEffect(() => {
    const container = map.getContainer();
    container.setAttribute("role", "region");
    container.setAttribute("aria-label", label);
  }, [map, label]);
  return null;
}

export { MapView };
