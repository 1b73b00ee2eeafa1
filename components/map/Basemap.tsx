"use client";
import { useEffect, useEffectEvent, useState } from "react";
import { TileLayer, useMap, useMapEvents } from "react-leaflet";
import { geoJSON, type PathOptions } from "leaflet";
import { countryColours, loadCountries, scaleFor, type BasemapScale } from "./countries";
import { TILE_ATTRIBUTION, TILE_URL } from "./map-settings";

/** Countries are drawn on canvas, which cannot use CSS: their colours are read from map.css's variables. */
function countryStyle(container: HTMLElement): PathOptions {
  const { border, land } = countryColours(container);
  return { color: border, weight: 0.8, fillColor: land, fillOpacity: 1 };
}

/** Natural Earth countries served by the app itself: no requests to anyone else's servers. */
function OfflineBasemap({ onDrawn }: BasemapProps) {
  const map = useMap();
  const drawn = useEffectEvent(() => requestAnimationFrame(() => onDrawn?.()));
  const [scale, setScale] = useState<BasemapScale>(() => scaleFor(map.getZoom()));
  // Once the detailed scale has loaded, keep it: zooming out again costs nothing.
  useMapEvents({ zoomend: () => setScale((s) => (s === "50m" ? s : scaleFor(map.getZoom()))) });
  useEffect(() => {
    let layer: ReturnType<typeof geoJSON> | null = null;
    let cancelled = false;
    loadCountries(scale)
      .then((countries) => {
        if (cancelled) return;
        layer = geoJSON(countries, {
          style: countryStyle(map.getContainer()),
          interactive: false,
          attribution: '<a href="https://www.naturalearthdata.com/">Natural Earth</a>',
        }).addTo(map);
        layer.bringToBack();
      })
      .catch((error: unknown) => console.warn("Basemap failed to load; pins still work.", error))
      .finally(() => !cancelled && drawn());
    const scheme = window.matchMedia("(prefers-color-scheme: dark)");
    const restyle = () => layer?.setStyle(countryStyle(map.getContainer()));
    scheme.addEventListener("change", restyle);
    return () => {
      cancelled = true;
      layer?.remove();
      scheme.removeEventListener("change", restyle);
    };
  }, [map, scale]);
  return null;
}

interface BasemapProps {
  /** After the first drawing (or failing to): the map's still preview can step aside. */
  onDrawn?: () => void;
}

export function Basemap({ onDrawn }: BasemapProps) {
  if (TILE_URL) return <TileLayer url={TILE_URL} attribution={TILE_ATTRIBUTION} eventHandlers={{ load: () => onDrawn?.() }} />;
  return <OfflineBasemap onDrawn={onDrawn} />;
}
