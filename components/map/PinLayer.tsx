"use client";
import { useMemo, useState } from "react";
import { useMap, useMapEvents } from "react-leaflet";
import type { Map as LeafletMap } from "leaflet";
import Supercluster, { type ClusterFeature as ScClusterFeature, type PointFeature } from "supercluster";
import { labelSize, placeLabels, spreadPins, type Box } from "@/lib/map-labels";
import { clusterNames } from "@/lib/map-fit";
import { clusterLabel, pinLabel, pointName, type MapPoint } from "@/lib/map-points";
import type { UiText } from "@/lib/ui-text";
import { badgeDiameter, clusterClassName, pinClassName, type PinName } from "./pin-icon";
import { useViewContext } from "../ViewContext";
import { PinMarker } from "./PinMarker";

type PinProps = { point: MapPoint };
type ClusterProps = { events: number };
type PinIndex = Supercluster<PinProps, ClusterProps>;
type ClusterFeature = ScClusterFeature<ClusterProps>;
type Feature = ClusterFeature | PointFeature<PinProps>;

/**
 * Pins closer than this many screen pixels merge into a cluster: only places that all but coincide
 * at this zoom. Pins further apart stay separate and are nudged apart with a leader line back to
 * their spot (`spreadPins`), so the host cities stay pins of their own even on a short map (Shanghai
 * and Suzhou are ~5 px apart at zoom 3). Supercluster works in whole zoom levels and the map snaps to
 * halves: clusters are read at the nearest whole level (`clusterZoom`).
 */
const CLUSTER_RADIUS_PX = 4;
const clusterZoom = (zoom: number) => Math.round(zoom);

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

/** The map's view as clustering and labelling need it; read after each move or resize. */
function viewportOf(map: LeafletMap) {
  const b = map.getBounds().pad(0.25); // a margin, so pins don't pop in at the edges while panning
  const size = map.getSize();
  return {
    bbox: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] as [number, number, number, number],
    zoom: map.getZoom(),
    frame: { width: size.x, height: size.y },
    // Read here, with the viewport, not per render: a live drag re-lays the pins on every step, and
    // measuring the page then would force a layout each time.
    covered: coveredBoxes(map),
  };
}

/** A feature's visible name: the place's, or a cluster's busiest places ("Shanghai, Suzhou"). */
function nameOf(index: PinIndex, f: Feature, text: UiText): string {
  if (!isCluster(f)) return pointName(f.properties.point, text);
  return clusterNames(index.getLeaves(f.properties.cluster_id, Infinity).map((l) => l.properties.point), text);
}

interface PinLayout {
  /** Where the badge is drawn: the place itself, or nudged off a neighbour (`spreadPins`). */
  lat: number;
  lon: number;
  /** From the drawn badge back to the true spot, in pixels, when the badge was nudged. */
  leader: { dx: number; dy: number } | null;
  name: PinName | null;
  /** The visible name, whether or not there was room to draw it. */
  text: string;
}

/** What sits over the map — zoom and fit buttons, legend, the unmapped note, attribution — in the map's pixels. */
function coveredBoxes(map: LeafletMap): Box[] {
  const container = map.getContainer();
  const origin = container.getBoundingClientRect();
  const overlays = container.closest(".map-view")?.querySelectorAll(".leaflet-control, .map-controls, .map-legend, .map-view__unmapped") ?? [];
  return [...overlays].map((el) => {
    const r = el.getBoundingClientRect();
    return { left: r.left - origin.left, top: r.top - origin.top, right: r.right - origin.left, bottom: r.bottom - origin.top };
  });
}

/**
 * Lays the features out on screen as they are now: overlapping badges nudged apart, then names
 * placed busiest first where they overlap no badge and no other name.
 */
function layoutOf(map: LeafletMap, index: PinIndex, features: Feature[], viewport: ReturnType<typeof viewportOf>, text: UiText): Map<string, PinLayout> {
  const events = (f: Feature) => (isCluster(f) ? f.properties.events : f.properties.point.count);
  const pins = [...features]
    .sort((a, b) => events(b) - events(a))
    .map((f) => {
      const [lon, lat] = f.geometry.coordinates;
      const { x, y } = map.latLngToContainerPoint([lat, lon]);
      return { id: keyOf(f), x, y, radius: badgeDiameter(events(f), isCluster(f)) / 2, weight: events(f), text: nameOf(index, f, text) };
    });
  const spread = spreadPins(pins);
  const candidates = pins.map((p) => ({ ...p, ...spread.get(p.id)!, ...labelSize(p.text) }));
  const sides = placeLabels(candidates, viewport.frame, viewport.covered);
  return new Map(
    candidates.map((c, i) => {
      const { lat, lng } = map.containerPointToLatLng([c.x, c.y]);
      const dx = pins[i].x - c.x;
      const dy = pins[i].y - c.y;
      const side = sides.get(c.id);
      const leader = Math.hypot(dx, dy) >= 3 ? { dx: Math.round(dx), dy: Math.round(dy) } : null;
      return [c.id, { lat, lon: lng, leader, name: side ? { text: c.text, side } : null, text: c.text }] as const;
    }),
  );
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
 * apart where they would overlap a little, and named where there is room. Computed during render
 * from the points and the viewport, so new counts (every frame of a timeline drag) reach the
 * markers in the same render, not an effect later.
 */
export function PinLayer({ points, selectedPlaceId, activeCities, clusterMaxZoom, onPinClick }: PinLayerProps) {
  const map = useMap();
  const { text } = useViewContext();
  const index = useMemo(() => buildIndex(points, clusterMaxZoom), [points, clusterMaxZoom]);
  const [viewport, setViewport] = useState(() => viewportOf(map));
  // Places inside a cluster opened from the keyboard: focus moves to one of them once the zoom ends.
  const [focusWanted, setFocusWanted] = useState<Set<string> | null>(null);
  useMapEvents({ moveend: () => setViewport(viewportOf(map)), resize: () => setViewport(viewportOf(map)) });
  const features = useMemo(() => index.getClusters(viewport.bbox, clusterZoom(viewport.zoom)), [index, viewport]);
  // Screen positions are read from the map as it is now, which `viewport` tracks.
  const layout = useMemo(() => layoutOf(map, index, features, viewport, text), [map, index, features, viewport, text]);
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
    const key = keyOf(f);
    const { lat, lon, leader, name, text: visibleName } = layout.get(key)!;
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
          label={`${visibleName} — ${clusterLabel(f.properties.point_count, f.properties.events, text)}`}
          name={name}
          leader={leader}
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
        name={name}
        leader={leader}
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
