"use client";
import { useEffect } from "react";
import { TileLayer, useMap } from "react-leaflet";
import { geoJSON, type PathOptions } from "leaflet";
import { loadCountries } from "./countries";

/** Opt-in raster tiles, e.g. `https://tile.openstreetmap.org/{z}/{x}/{y}.png`; inlined at build time. */
const TILE_URL = process.env.NEXT_PUBLIC_TILE_URL;
const TILE_ATTRIBUTION = process.env.NEXT_PUBLIC_TILE_ATTRIBUTION ?? "";

export const TILES_ENABLED = Boolean(TILE_URL);

const COUNTRY_STYLE: PathOptions = {
  color: "#b9b4a8", // borders
  weight: 0.8,
  fillColor: "#f6f4ee",
  fillOpacity: 1,
};

/** Natural Earth countries drawn from the app's own bundle: no network requests for the map. */
function OfflineBasemap() {
  const map = useMap();
  useEffect(() => {
    let layer: ReturnType<typeof geoJSON> | null = null;
    let cancelled = false;
    loadCountries()
      .then((countries) => {
        if (cancelled) return;
        layer = geoJSON(countries, {
          style: COUNTRY_STYLE,
          interactive: false,
          attribution: '<a href="https://www.naturalearthdata.com/">Natural Earth</a>',
        }).addTo(map);
        layer.bringToBack();
      })
      .catch((error: unknown) => console.warn("Basemap failed to load; pins still work.", error));
    return () => {
      cancelled = true;
      layer?.remove();
    };
  }, [map]);
  return null;
}

export function Basemap() {
  if (TILE_URL) return <TileLayer url={TILE_URL} attribution={TILE_ATTRIBUTION} />;
  return <OfflineBasemap />;
}
