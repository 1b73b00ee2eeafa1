import type { LabelSide } from "@/lib/map/map-labels";
import type { PlaceCertainty } from "@/lib/map/map-points";

/*
 * How a pin looks, for the live map's Leaflet markers (pin-icon.ts) and the still preview drawn before
 * Leaflet loads (MapPreview.tsx) alike: without Leaflet, so the preview does not load it.
 */

export interface PinLook {
  certainty: PlaceCertainty;
  active: boolean; // the place is in the city filter
  selected: boolean; // the selected event happened here
  tour: boolean; // an event of the open tour step happened here
}

export interface ClusterLook {
  hasActive: boolean;
  hasSelected: boolean;
  hasTour: boolean;
}

export function pinClassName({ certainty, active, selected, tour }: PinLook): string {
  return ["map-pin", `map-pin--${certainty}`, tour && "map-pin--tour", active && "is-active", selected && "is-selected"]
    .filter(Boolean)
    .join(" ");
}

export function clusterClassName({ hasActive, hasSelected, hasTour }: ClusterLook): string {
  return ["map-pin", "map-pin--cluster", hasTour && "map-pin--tour", hasActive && "is-active", hasSelected && "is-selected"]
    .filter(Boolean)
    .join(" ");
}

/** Which pins are drawn above the others: the selection's place, then the filtered places, then the tour step's. */
export type PinRaise = "selected" | "active" | "tour" | null;

/** How far a raised pin is lifted above its neighbours (Leaflet's zIndexOffset; the preview's z-index alike). */
export function raiseOffset(raise: PinRaise): number {
  return raise === "selected" ? 1000 : raise === "active" ? 500 : raise === "tour" ? 250 : 0;
}

/** Wider badges for longer numbers, so "128" fits as well as "4". */
export function badgeDiameter(count: number, cluster: boolean): number {
  return (cluster ? 34 : 26) + Math.max(0, String(count).length - 1) * 7;
}

/** The pin's name drawn beside its badge, on the side `placeLabels` chose. */
export interface PinName {
  text: string;
  side: LabelSide;
}

/** From a nudged badge's centre back to the place's true spot, in pixels. */
export interface PinLeader {
  dx: number;
  dy: number;
}

/**
 * A round badge with the count, the place's name beside it when there is room, and a leader line
 * to the true spot when the badge was nudged off a neighbour. The texts are CSS generated content
 * from data attributes (never HTML): the pin's aria-label says them in words ("Shanghai — 7
 * events"), and a name with no text nodes is not checked against text it does not have.
 */
export function pinBody(count: number, extra: { name: PinName | null; leader: PinLeader | null }): HTMLElement {
  const html = document.createElement("span");
  html.className = "map-pin__body";
  html.setAttribute("aria-hidden", "true");
  const { name, leader } = extra;
  if (leader) {
    const line = document.createElement("span");
    line.className = "map-pin__leader";
    line.style.width = `${Math.hypot(leader.dx, leader.dy)}px`;
    line.style.transform = `rotate(${Math.atan2(leader.dy, leader.dx)}rad)`;
    html.append(line);
  }
  const badge = document.createElement("span");
  badge.className = "map-pin__badge";
  badge.dataset.count = String(count);
  html.append(badge);
  if (name) {
    const label = document.createElement("span");
    label.className = `map-pin__name map-pin__name--${name.side}`;
    label.dataset.name = name.text;
    html.append(label);
  }
  return html;
}
