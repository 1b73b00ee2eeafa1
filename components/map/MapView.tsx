"use client";
import "leaflet/dist/leaflet.css";
import "./map.css";
import { useState } from "react";
import { MapContainer } from "react-leaflet";
import { unmappedLabel, type MapPoint } from "@/lib/map-points";
import type { MapView as MapViewport } from "@/lib/query";
import { useViewContext } from "../ViewContext";
import { Basemap, TILES_ENABLED } from "./Basemap";
import { MapLegend } from "./MapLegend";
import { PinLayer } from "./PinLayer";
import { FIT_OPTIONS, ViewSync, fitBoundsFor } from "./ViewSync";

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
  /** When it changes and `view` is null, the map fits the points again. */
  fitKey: string;
  onPinClick: (placeId: string) => void;
  /** After a user's pan or zoom ends; never for the map's own fits. */
  onViewChange: (view: MapViewport) => void;
}

// Natural Earth 1:50m gets coarse past this; raster tiles carry their own detail.
const MAX_ZOOM = TILES_ENABLED ? 18 : 10;

/**
 * The event map: one pin per place with its number of events, clustered where pins would overlap
 * (badges show event counts).
 * Fills its parent, which must give it a height. Browser-only: load it with `next/dynamic` and `ssr: false`.
 */
export default function MapView(props: MapViewProps) {
  const { points, unmapped, selectedPlaceId, activeCities, view, fitKey, onPinClick, onViewChange } = props;
  const { text } = useViewContext();
  // MapContainer reads these once; later changes go through ViewSync.
  const [initial] = useState(() =>
    view ? { center: [view.lat, view.lon] as [number, number], zoom: view.zoom } : { bounds: fitBoundsFor(points), boundsOptions: FIT_OPTIONS },
  );

  return (
    <div className="map-view">
      <MapContainer
        {...initial}
        className="map-view__map"
        minZoom={1}
        maxZoom={MAX_ZOOM}
        zoomSnap={0.5}
        preferCanvas // the basemap's country outlines draw faster on canvas; pins are DOM elements regardless
        trackResize={false} // ViewSync watches the container itself and keeps resizes out of onViewChange
      >
        <Basemap />
        <PinLayer
          points={points}
          selectedPlaceId={selectedPlaceId}
          activeCities={activeCities}
          clusterMaxZoom={MAX_ZOOM - 1}
          onPinClick={onPinClick}
        />
        <ViewSync points={points} view={view} fitKey={fitKey} onViewChange={onViewChange} />
      </MapContainer>
      {unmapped > 0 ? (
        <p className="map-view__unmapped" role="status">
          {unmappedLabel(unmapped, text)}
        </p>
      ) : null}
      <MapLegend />
    </div>
  );
}

export { MapView };
