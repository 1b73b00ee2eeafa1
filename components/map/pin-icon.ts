import { divIcon, type DivIcon } from "leaflet";
import { badgeDiameter, pinBody, type PinLeader, type PinName } from "./pin-look";

/**
 * The pin's body (pin-look.ts) as a Leaflet icon. Each marker needs its own icon: a DivIcon's `html`
 * element can live in one marker only. Leaflet reuses the marker's outer element when its icon
 * changes, so focus and aria-label survive a restyle.
 */
export function badgeIcon(
  count: number,
  className: string,
  cluster: boolean,
  extra: { name: PinName | null; leader: PinLeader | null },
): DivIcon {
  const size = badgeDiameter(count, cluster);
  return divIcon({ html: pinBody(count, extra), className, iconSize: [size, size], tooltipAnchor: [0, -size / 2] });
}
