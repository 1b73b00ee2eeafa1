"use client";
import { useMemo, useState } from "react";
import { useMap, useMapEvents } from "react-leaflet";
import type { Map as LeafletMap } from "leaflet";
import type { MapPoint } from "@/lib/map/map-points";
import { useViewContext } from "../dashboard/ViewContext";
import {
  buildIndex,
  coveredBoxes,
  featuresIn,
  isCluster,
  keyOf,
  layoutPins,
  placeIdsOf,
  type ClusterFeature,
  type PinIndex,
  type PinViewport,
} from "./pin-layout";
import { raiseOffset } from "./pin-look";
import { PinMarker } from "./PinMarker";

/** The map's view as clustering and labelling need it; read after each move or resize. */
function viewportOf(map: LeafletMap): PinViewport {
  const b = map.getBounds().pad(0.25);
  const size = map.getSize();
  return {
    bbox: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()],
    zoom: map.getZoom(),
    frame: { width: size.x, height: size.y },
    // Read here, with the viewport, not per render: a live drag re-lays the pins on every step, and
    // measuring the page then would force a layout each time.
    covered: coveredBoxes(map.getContainer()),
  };
}

interface PinLayerProps {
  points: MapPoint[];
  selectedPlaceId: string | null;
  activeCities: string[];
  clusterMaxZoom: number; // above it every place has its own pin
  onPinClick: (placeId: string) => void;
}

/**
 * Place pins, merged into clusters where they would cover each other at the current zoom, nudged
 * apart where they would overlap a little, and named where there is room (pin-layout.ts). Computed
 * during render from the points and the viewport, so new counts (every frame of a timeline drag)
 * reach the markers in the same render, not an effect later.
 */
export function PinLayer({ points, selectedPlaceId, activeCities, clusterMaxZoom, onPinClick }: PinLayerProps) {
  const map = useMap();
  const { text } = useViewContext();
  const index = useMemo(() => buildIndex(points, clusterMaxZoom), [points, clusterMaxZoom]);
  const [viewport, setViewport] = useState(() => viewportOf(map));
  // Places inside a cluster opened from the keyboard: focus moves to one of them once the zoom ends.
  const [focusWanted, setFocusWanted] = useState<Set<string> | null>(null);
  useMapEvents({ moveend: () => setViewport(viewportOf(map)), resize: () => setViewport(viewportOf(map)) });
  const features = useMemo(() => featuresIn(index, viewport), [index, viewport]);
  const active = useMemo(() => new Set(activeCities), [activeCities]);
  // Screen positions are read from the map as it is now, which `viewport` tracks.
  const layout = useMemo(
    () =>
      layoutPins(
        index,
        features,
        viewport,
        (lat, lon) => map.latLngToContainerPoint([lat, lon]),
        { selectedPlaceId, activeCities: active },
        text,
      ),
    [map, index, features, viewport, selectedPlaceId, active, text],
  );
  const focusTarget = focusWanted ? features.find((f) => placeIdsOf(index, f).some((id) => focusWanted.has(id))) : undefined;
  const focusKey = focusTarget ? keyOf(focusTarget) : null;

  function openCluster(index: PinIndex, f: ClusterFeature, viaKeyboard: boolean) {
    const [lon, lat] = f.geometry.coordinates;
    const zoom = Math.min(index.getClusterExpansionZoom(f.properties.cluster_id), map.getMaxZoom());
    setFocusWanted(viaKeyboard ? new Set(placeIdsOf(index, f)) : null);
    map.setView([lat, lon], zoom);
  }

  return layout.map((pin) => {
    const { lat, lng } = map.containerPointToLatLng([pin.x, pin.y]);
    const f = pin.feature;
    return (
      <PinMarker
        key={pin.key}
        lat={lat}
        lon={lng}
        count={pin.count}
        cluster={pin.cluster}
        className={pin.className}
        label={pin.label}
        name={pin.name}
        leader={pin.leader}
        zIndexOffset={raiseOffset(pin.raise)}
        focus={pin.key === focusKey}
        tooltip={
          isCluster(f) ? undefined : (
            <>
              {f.properties.point.name} <span lang="zh">{f.properties.point.nameZh}</span>
            </>
          )
        }
        onActivate={(viaKeyboard) => (isCluster(f) ? openCluster(index, f, viaKeyboard) : onPinClick(f.properties.point.placeId))}
      />
    );
  });
}
