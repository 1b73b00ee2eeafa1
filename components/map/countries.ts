import type { FeatureCollection } from "geojson";
import type { GeometryCollection, Topology } from "topojson-specification";
import { feature } from "topojson-client";

type CountriesTopology = Topology<{ countries: GeometryCollection }>;
export type BasemapScale = "110m" | "50m";

export const ANTARCTICA = "010"; // ISO 3166-1 numeric; no events there, and its polygon smears across the bottom of the map

const pending = new Map<BasemapScale, Promise<FeatureCollection>>();

/**
 * Natural Earth countries (world-atlas, copied into public/basemap at build time), fetched as data:
 * cacheable, and not parsed as JavaScript. 1:110m (38 KiB gzipped) draws the world; 1:50m only once
 * the map is zoomed in far enough to need its detail.
 */
export function loadCountries(scale: BasemapScale): Promise<FeatureCollection> {
  let countries = pending.get(scale);
  if (!countries) {
    countries = fetch(`/basemap/countries-${scale}.json`)
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`basemap: HTTP ${response.status}`))))
      .then((topology: CountriesTopology) => {
        const all = feature(topology, topology.objects.countries);
        return { ...all, features: all.features.filter((f) => f.id !== ANTARCTICA) };
      })
      .catch((error: unknown) => {
        pending.delete(scale); // let a later mount retry
        throw error;
      });
    pending.set(scale, countries);
  }
  return countries;
}

/**
 * Past this zoom, 1:110m coastlines look crude: switch to 1:50m (six times the bytes). The
 * China-first view opens at zoom 4 or less on common screens, so a first visit loads only 1:110m.
 */
const DETAIL_ZOOM = 4.5;
export const scaleFor = (zoom: number): BasemapScale => (zoom >= DETAIL_ZOOM ? "50m" : "110m");

/** Land and border colours from map.css's variables (light or dark, with the reader's colour scheme). */
export function countryColours(container: HTMLElement): { land: string; border: string } {
  const css = getComputedStyle(container);
  return {
    border: css.getPropertyValue("--map-border").trim() || "#b9b4a8",
    land: css.getPropertyValue("--map-land").trim() || "#f6f4ee",
  };
}
