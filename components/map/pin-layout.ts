import Supercluster, { type ClusterFeature as ScClusterFeature, type PointFeature } from "supercluster";
import { labelSize, placeLabels, spreadPins, type Box } from "@/lib/map/map-labels";
import { clusterNames } from "@/lib/map/map-fit";
import { clusterLabel, pinLabel, pointName, type MapPoint } from "@/lib/map/map-points";
import type { UiText } from "@/lib/i18n/ui-text";
import { badgeDiameter, clusterClassName, pinClassName, type PinLeader, type PinName, type PinRaise } from "./pin-look";

/*
 * Which pins a map shows and where: clusters, nudges and names. Shared by the live map (PinLayer, over
 * Leaflet) and the still preview (MapPreview, before Leaflet loads), so both draw the same pins.
 */

type PinProps = { point: MapPoint };
/** `tour`: some place in the cluster holds an event of the open tour step. */
type ClusterProps = { events: number; tour: boolean };
export type PinIndex = Supercluster<PinProps, ClusterProps>;
export type ClusterFeature = ScClusterFeature<ClusterProps>;
export type Feature = ClusterFeature | PointFeature<PinProps>;

/**
 * Pins closer than this many screen pixels merge into a cluster: only places that all but coincide
 * at this zoom. Pins further apart stay separate and are nudged apart with a leader line back to
 * their spot (`spreadPins`), so the host cities stay pins of their own even on a short map (Shanghai
 * and Suzhou are ~5 px apart at zoom 3). Supercluster works in whole zoom levels and the map snaps to
 * halves: clusters are read at the nearest whole level (`clusterZoom`).
 */
const CLUSTER_RADIUS_PX = 4;
const clusterZoom = (zoom: number) => Math.round(zoom);

export function buildIndex(points: MapPoint[], maxZoom: number): PinIndex {
  // extent 256 = Leaflet's tile size, so the radius is in screen pixels.
  const index: PinIndex = new Supercluster({
    radius: CLUSTER_RADIUS_PX,
    extent: 256,
    maxZoom,
    map: (p) => ({ events: p.point.count, tour: p.point.tour === true }),
    reduce: (sum, p) => {
      sum.events += p.events;
      sum.tour ||= p.tour;
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

export const isCluster = (f: Feature): f is ClusterFeature => "cluster" in f.properties;
export const keyOf = (f: Feature) => (isCluster(f) ? `c:${f.properties.cluster_id}` : `p:${f.properties.point.placeId}`);
export const placeIdsOf = (index: PinIndex, f: Feature): string[] =>
  isCluster(f) ? index.getLeaves(f.properties.cluster_id, Infinity).map((l) => l.properties.point.placeId) : [f.properties.point.placeId];

/** The map's view as clustering and labelling need it. */
export interface PinViewport {
  /** West, south, east, north: the visible area with a margin, so pins don't pop in at the edges while panning. */
  bbox: [number, number, number, number];
  zoom: number;
  frame: { width: number; height: number };
  /** What sits over the map (buttons, legend, notes), in the map's pixels: no name goes under it. */
  covered: Box[];
}

export const featuresIn = (index: PinIndex, viewport: PinViewport): Feature[] =>
  index.getClusters(viewport.bbox, clusterZoom(viewport.zoom));

/** A feature's visible name: the place's, or a cluster's busiest places ("Shanghai, Suzhou"). */
function nameOf(index: PinIndex, f: Feature, text: UiText): string {
  if (!isCluster(f)) return pointName(f.properties.point, text);
  return clusterNames(
    index.getLeaves(f.properties.cluster_id, Infinity).map((l) => l.properties.point),
    text,
  );
}

/** One pin as drawn: where, how it looks and what it is called. */
export interface PinLayout {
  key: string;
  feature: Feature;
  /** The badge's centre on screen: the place itself, or nudged off a neighbour (`spreadPins`). */
  x: number;
  y: number;
  /** From the drawn badge back to the true spot, in pixels, when the badge was nudged. */
  leader: PinLeader | null;
  name: PinName | null;
  count: number;
  cluster: boolean;
  className: string;
  /** The accessible name: "Shanghai — 7 events". */
  label: string;
  /** Drawn above the others (`raiseOffset`). */
  raise: PinRaise;
}

export interface PinState {
  selectedPlaceId: string | null;
  activeCities: ReadonlySet<string>;
}

/**
 * Lays the features out on screen: overlapping badges nudged apart, then names placed busiest first
 * where they overlap no badge, no other name and nothing over the map.
 */
export function layoutPins(
  index: PinIndex,
  features: Feature[],
  viewport: PinViewport,
  toScreen: (lat: number, lon: number) => { x: number; y: number },
  state: PinState,
  text: UiText,
): PinLayout[] {
  const events = (f: Feature) => (isCluster(f) ? f.properties.events : f.properties.point.count);
  const pins = [...features]
    .sort((a, b) => events(b) - events(a))
    .map((f) => {
      const [lon, lat] = f.geometry.coordinates;
      const { x, y } = toScreen(lat, lon);
      return { id: keyOf(f), f, x, y, radius: badgeDiameter(events(f), isCluster(f)) / 2, weight: events(f), text: nameOf(index, f, text) };
    });
  const spread = spreadPins(pins);
  const candidates = pins.map((p) => ({ ...p, ...spread.get(p.id)!, ...labelSize(p.text) }));
  const sides = placeLabels(candidates, viewport.frame, viewport.covered);
  return candidates.map((c, i) => {
    const dx = pins[i].x - c.x;
    const dy = pins[i].y - c.y;
    const side = sides.get(c.id);
    const leader = Math.hypot(dx, dy) >= 3 ? { dx: Math.round(dx), dy: Math.round(dy) } : null;
    return {
      key: c.id,
      feature: c.f,
      x: c.x,
      y: c.y,
      leader,
      name: side ? { text: c.text, side } : null,
      count: c.weight,
      ...look(index, c.f, c.text, state, text),
    };
  });
}

const raiseOf = (selected: boolean, active: boolean, tour: boolean): PinRaise =>
  selected ? "selected" : active ? "active" : tour ? "tour" : null;

/**
 * How a pin looks and what it is called: the one rule for the live map and the preview. A pin (or a
 * cluster) holding an event of the open tour step is ringed and says so; the points carry that mark
 * (`markTourPins`), for the server's view and the live one alike.
 */
function look(index: PinIndex, f: Feature, name: string, { selectedPlaceId, activeCities }: PinState, text: UiText) {
  if (isCluster(f)) {
    const ids = selectedPlaceId !== null || activeCities.size > 0 ? placeIdsOf(index, f) : [];
    const hasSelected = selectedPlaceId !== null && ids.includes(selectedPlaceId);
    const hasActive = ids.some((id) => activeCities.has(id));
    const hasTour = f.properties.tour;
    return {
      cluster: true,
      className: clusterClassName({ hasActive, hasSelected, hasTour }),
      label: `${name} — ${clusterLabel(f.properties.point_count, f.properties.events, text, hasTour)}`,
      raise: raiseOf(hasSelected, hasActive, hasTour),
    };
  }
  const { point } = f.properties;
  const selected = point.placeId === selectedPlaceId;
  const active = activeCities.has(point.placeId);
  const tour = point.tour === true;
  return {
    cluster: false,
    className: pinClassName({ certainty: point.certainty, active, selected, tour }),
    label: point.label ?? pinLabel(point, text),
    raise: raiseOf(selected, active, tour),
  };
}

/**
 * What sits over the map — zoom and fit buttons, legend, the unmapped note, attribution — in the
 * map's pixels, live map and preview alike.
 */
export function coveredBoxes(container: HTMLElement): Box[] {
  const origin = container.getBoundingClientRect();
  const overlays =
    container
      .closest(".map-view")
      ?.querySelectorAll(
        ".leaflet-control, .map-controls, .map-legend, .map-view__unmapped, .map-preview__zoom, .map-preview__attribution",
      ) ?? [];
  return [...overlays].map((el) => {
    const r = el.getBoundingClientRect();
    return { left: r.left - origin.left, top: r.top - origin.top, right: r.right - origin.left, bottom: r.bottom - origin.top };
  });
}
