"use client";
import { useEffect, useEffectEvent, useMemo, useRef, type ReactNode } from "react";
import { Marker, Tooltip } from "react-leaflet";
import type { LeafletKeyboardEvent, Marker as LeafletMarker } from "leaflet";
import type { PinLeader, PinName } from "./pin-look";
import { badgeIcon } from "./pin-icon";

interface PinMarkerProps {
  lat: number;
  lon: number;
  count: number;
  className: string;
  cluster: boolean;
  label: string; // the accessible name: Leaflet makes the marker a role="button" element
  name: PinName | null; // the visible name beside the badge, when there is room for it
  leader: PinLeader | null; // a line back to the true spot, when the badge was nudged off a neighbour
  zIndexOffset: number;
  focus: boolean; // take keyboard focus when mounted (after a cluster opened into this pin)
  tooltip?: ReactNode;
  onActivate: (viaKeyboard: boolean) => void;
}

/** A keyboard-focusable marker with a count badge: Enter and Space act like a click. */
export function PinMarker(props: PinMarkerProps) {
  const { lat, lon, count, className, cluster, label, name, leader, zIndexOffset, focus, tooltip } = props;
  const markerRef = useRef<LeafletMarker>(null);
  // Leaflet calls this from its own listeners, long after render: it must see the newest onActivate.
  const activate = useEffectEvent((viaKeyboard: boolean) => props.onActivate(viaKeyboard));
  const position = useMemo<[number, number]>(() => [lat, lon], [lat, lon]);
  const nameText = name?.text ?? null;
  const nameSide = name?.side ?? null;
  const leaderX = leader?.dx ?? 0;
  const leaderY = leader?.dy ?? 0;
  const icon = useMemo(
    () =>
      badgeIcon(count, className, cluster, {
        name: nameText && nameSide ? { text: nameText, side: nameSide } : null,
        leader: leaderX || leaderY ? { dx: leaderX, dy: leaderY } : null,
      }),
    [count, className, cluster, nameText, nameSide, leaderX, leaderY],
  );

  // Leaflet gives the element role="button" and tabindex=0 but no name; the badge's digits alone say too little.
  useEffect(() => {
    markerRef.current?.getElement()?.setAttribute("aria-label", label);
  }, [label, icon]);

  useEffect(() => {
    if (focus) markerRef.current?.getElement()?.focus({ preventScroll: true });
  }, [focus]);

  // Bound here rather than through react-leaflet's `eventHandlers` prop: an Effect Event may be
  // called only from the component's own effects, never handed to another component. The marker
  // instance lives as long as this component, so the listeners are bound once.
  useEffect(() => {
    const marker = markerRef.current;
    if (!marker) return;
    const handlers = {
      click: () => activate(false),
      keydown: (e: LeafletKeyboardEvent) => {
        const key = e.originalEvent.key;
        if (key !== "Enter" && key !== " ") return;
        e.originalEvent.preventDefault(); // Space would scroll the page
        activate(true);
      },
    };
    marker.on(handlers);
    return () => {
      marker.off(handlers);
    };
  }, []);

  return (
    <Marker ref={markerRef} position={position} icon={icon} keyboard zIndexOffset={zIndexOffset}>
      {tooltip ? (
        <Tooltip direction="top" offset={[0, -4]} className="map-pin-tooltip">
          {tooltip}
        </Tooltip>
      ) : null}
    </Marker>
  );
}
