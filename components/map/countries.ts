import type { FeatureCollection } from "geojson";
import type { GeometryCollection, Topology } from "topojson-specification";
import { feature } from "topojson-client";

type CountriesTopology = Topology<{ countries: GeometryCollection }>;
export type BasemapScale = "110m" | "50m";

const ANTARCTICA = "010"; // ISO 3166-1 numeric; no events there, and its polygon smears across the bottom of the map

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
