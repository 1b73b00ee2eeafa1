import { divIcon, type DivIcon } from "leaflet";
import type { PlaceCertainty } from "@/lib/map-points";

export interface PinLook {
  certainty: PlaceCertainty;
  active: boolean; // the place is in the city filter
  selected: boolean; // the selected event happened here
}

export interface ClusterLook {
  hasActive: boolean;
  hasSelected: boolean;
}

export function pinClassName({ certainty, active, selected }: PinLook): string {
  return ["map-pin", `map-pin--${certainty}`, active && "is-active", selected && "is-selected"].filter(Boolean).join(" ");
}

export function clusterClassName({ hasActive, hasSelected }: ClusterLook): string {
  return ["map-pin", "map-pin--cluster", hasActive && "is-active", hasSelected && "is-selected"].filter(Boolean).join(" ");
}

/** Wider badges for longer numbers, so "128" fits as well as "4". */
function diameter(count: number, cluster: boolean): number {
  return (cluster ? 34 : 26) + Math.max(0, String(count).length - 1) * 7;
}

/**
 * A round badge with the count, set as text on a DOM node (never HTML). Each marker needs its own
 * icon: a DivIcon's `html` element can live in one marker only. Leaflet reuses the marker's outer
 * element when its icon changes, so focus and aria-label survive a restyle.
 */
export function badgeIcon(count: number, className: string, cluster: boolean): DivIcon {
  const size = diameter(count, cluster);
  const badge = document.createElement("span");
  badge.className = "map-pin__badge";
  badge.textContent = String(count);
  badge.setAttribute("aria-hidden", "true"); // the marker's aria-label already says it
  return divIcon({ html: badge, className, iconSize: [size, size], tooltipAnchor: [0, -size / 2] });
}
