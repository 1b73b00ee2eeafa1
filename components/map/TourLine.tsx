"use client";
import { useEffect, useMemo } from "react";
import { Polyline, useMap } from "react-leaflet";
import type { TourLine as Line } from "../dashboard/ViewContext";

/**
 * A guided tour's way from the previous step's place to this step's: a dashed line under the pins.
 * The map draws on a canvas, which cannot read CSS variables: the colour is read from them once.
 */
export function TourLine({ line }: { line: Line }) {
  const map = useMap();
  const color = useMemo(() => getComputedStyle(map.getContainer()).getPropertyValue("--accent").trim() || "#0b5cad", [map]);
  const positions = line.map(([lat, lon]) => [lat, lon] as [number, number]);
  // Canvas paths leave no element behind: the container says a line is drawn (tests, styles).
  useEffect(() => {
    const container = map.getContainer();
    container.dataset.tourLine = "";
    return () => void delete container.dataset.tourLine;
  }, [map]);
  return <Polyline positions={positions} pathOptions={{ color, dashArray: "6 6", weight: 2, opacity: 0.8 }} interactive={false} />;
}
