"use client";
import { useMemo, useState } from "react";
import { useMap, useMapEvent } from "react-leaflet";
import type { Map as LeafletMap } from "leaflet";
import Supercluster, { type ClusterFeature as ScClusterFeature, type PointFeature } from "supercluster";
import { clusterLabel, pinLabel, type MapPoint } from "@/lib/map-points";
import { clusterClassName, pinClassName } from "./pin-icon";
import { useViewContext } from "../ViewContext";
import { PinMarker } from "./PinMarker";

type PinProps = { point: MapPoint };
type ClusterProps = { events: number };
type PinIndex = Supercluster<PinProps, ClusterProps>;
type ClusterFeature = ScClusterFeature<ClusterProps>;
type Feature = ClusterFeature | PointFeature<PinProps>;

/** Pins closer than this many screen pixels merge into a cluster (badges are ~26–40 px wide). */
const CLUSTER_RADIUS_PX = 40;

function buildIndex(points: MapPoint[], maxZoom: number): PinIndex {
  // extent 256 = Leaflet's tile size, so the radius is in screen pixels.
  const index: PinIndex = new Supercluster({
    radius: CLUSTER_RADIUS_PX,
    extent: 256,
    maxZoom,
    map: (p) => ({ events: p.point.count }),
    reduce: (sum, p) => {
      sum.events += p.events;
    },
  });
  return index.load(
    points.map((point) => ({
      type: "Feature",
      geometry: { type: "Point", coordinates: [point.lon, point.lat] },
      properties: { point },
    })),
  );
}

const isCluster = (f: Feature): f is ClusterFeature => "cluster" in f.properties;
const keyOf = (f: Feature) => (isCluster(f) ? `c:${f.properties.cluster_id}` : `p:${f.properties.point.placeId}`);
const placeIdsOf = (index: PinIndex, f: Feature): string[] =>
  isCluster(f) ? index.getLeaves(f.properties.cluster_id, Infinity).map((l) => l.properties.point.placeId) : [f.properties.point.placeId];

/** The map's view as clustering needs it; read after each move. */
function viewportOf(map: LeafletMap) {
  const b = map.getBounds().pad(0.25); // a margin, so pins don't pop in at the edges while panning
  return { bbox: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] as [number, number, number, number], zoom: map.getZoom() };
}

interface PinLayerProps {
  points: MapPoint[];
  selectedPlaceId: string | null;
  activeCities: string[];
  clusterMaxZoom: number; // above it every place has its own pin
  onPinClick: (placeId: string) => void;
}

/**
 * Place pins, merged into clusters where they would overlap at the current zoom. Computed during
 * render from the points and the viewport, so new counts (every frame of a timeline drag) reach
 * the markers in the same render, not an effect later.
 */
export function PinLayer({ points, selectedPlaceId, activeCities, clusterMaxZoom, onPinClick }: PinLayerProps) {
  const map = useMap();
  const { text } = useViewContext();
  const index = useMemo(() => buildIndex(points, clusterMaxZoom), [points, clusterMaxZoom]);
  const [viewport, setViewport] = useState(() => viewportOf(map));
  // Places inside a cluster opened from the keyboard: focus moves to one of them once the zoom ends.
  const [focusWanted, setFocusWanted] = useState<Set<string> | null>(null);
  useMapEvent("moveend", () => setViewport(viewportOf(map)));
  const features = useMemo(() => index.getClusters(viewport.bbox, viewport.zoom), [index, viewport]);
  const focusTarget = focusWanted ? features.find((f) => placeIdsOf(index, f).some((id) => focusWanted.has(id))) : undefined;
  const focusKey = focusTarget ? keyOf(focusTarget) : null;

  const active = useMemo(() => new Set(activeCities), [activeCities]);
  const highlight = selectedPlaceId !== null || active.size > 0;

  function openCluster(f: ClusterFeature, viaKeyboard: boolean) {
    const [lon, lat] = f.geometry.coordinates;
    const zoom = Math.min(index.getClusterExpansionZoom(f.properties.cluster_id), map.getMaxZoom());
    setFocusWanted(viaKeyboard ? new Set(placeIdsOf(index, f)) : null);
    map.setView([lat, lon], zoom);
  }

  return features.map((f) => {
    const [lon, lat] = f.geometry.coordinates;
    const key = keyOf(f);
    const focus = key === focusKey;
    if (isCluster(f)) {
      const ids = highlight ? placeIdsOf(index, f) : [];
      const hasSelected = selectedPlaceId !== null && ids.includes(selectedPlaceId);
      const hasActive = ids.some((id) => active.has(id));
      return (
        <PinMarker
          key={key}
          lat={lat}
          lon={lon}
          count={f.properties.events}
          cluster
          className={clusterClassName({ hasActive, hasSelected })}
          label={clusterLabel(f.properties.point_count, f.properties.events, text)}
          zIndexOffset={hasSelected ? 1000 : hasActive ? 500 : 0}
          focus={focus}
          onActivate={(viaKeyboard) => openCluster(f, viaKeyboard)}
        />
      );
    }
    const { point } = f.properties;
    const selected = point.placeId === selectedPlaceId;
    const isActive = active.has(point.placeId);
    return (
      <PinMarker
        key={key}
        lat={lat}
        lon={lon}
        count={point.count}
        cluster={false}
        className={pinClassName({ certainty: point.certainty, active: isActive, selected })}
        label={pinLabel(point, text)}
        zIndexOffset={selected ? 1000 : isActive ? 500 : 0}
        focus={focus}
        tooltip={
          <>
            {point.name} <span lang="zh">{point.nameZh}</span>
          </>
        }
        onActivate={() => onPinClick(point.placeId)}
      />
    );
  });
}
