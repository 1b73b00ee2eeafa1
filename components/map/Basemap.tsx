"use client";
import { useEffect, useState } from "react";
import { TileLayer, useMap, useMapEvents } from "react-leaflet";
import { geoJSON, type PathOptions } from "leaflet";
import { loadCountries, type BasemapScale } from "./countries";

/** Opt-in raster tiles, e.g. `https://tile.openstreetmap.org/{z}/{x}/{y}.png`; inlined at build time. */
const TILE_URL = process.env.NEXT_PUBLIC_TILE_URL;
const TILE_ATTRIBUTION = process.env.NEXT_PUBLIC_TILE_ATTRIBUTION ?? "";

export const TILES_ENABLED = Boolean(TILE_URL);

/**
 * Countries are drawn on canvas, which cannot use CSS, so their colours come from map.css's
 * variables (light or dark, with the reader's colour scheme) when the layer is made or the scheme changes.
 */
function countryStyle(container: HTMLElement): PathOptions {
  const css = getComputedStyle(container);
  return {
    color: css.getPropertyValue("--map-border").trim() || "#b9b4a8", // borders
    weight: 0.8,
    fillColor: css.getPropertyValue("--map-land").trim() || "#f6f4ee",
    fillOpacity: 1,
  };
}

/**
 * Past this zoom, 1:110m coastlines look crude: switch to 1:50m (six times the bytes). The
 * China-first view opens at zoom 4 or less on common screens, so a first visit loads only 1:110m.
 */
const DETAIL_ZOOM = 4.5;
const scaleFor = (zoom: number): BasemapScale => (zoom >= DETAIL_ZOOM ? "50m" : "110m");

/** Natural Earth countries served by the app itself: no requests to anyone else's servers. */
function OfflineBasemap() {
  const map = useMap();
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
      .catch((error: unknown) => console.warn("Basemap failed to load; pins still work.", error));
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

export function Basemap() {
  if (TILE_URL) return <TileLayer url={TILE_URL} attribution={TILE_ATTRIBUTION} />;
  return <OfflineBasemap />;
}
