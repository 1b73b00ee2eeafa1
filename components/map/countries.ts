import type { FeatureCollection } from "geojson";
import type { GeometryCollection, Topology } from "topojson-specification";
import { feature } from "topojson-client";

type CountriesTopology = Topology<{ countries: GeometryCollection }>;

const ANTARCTICA = "010"; // ISO 3166-1 numeric; no events there, and its polygon smears across the bottom of the map

let pending: Promise<FeatureCollection> | null = null;

/**
 * Natural Earth 1:50m countries (world-atlas), converted to GeoJSON once per page. Imported dynamically
 * so the ~750 kB of TopoJSON is its own chunk, loaded only when a map mounts.
 */
export function loadCountries(): Promise<FeatureCollection> {
  pending ??= import("world-atlas/countries-50m.json")
    .then((mod) => {
      const topology = ((mod as { default?: unknown }).default ?? mod) as CountriesTopology;
      const countries = feature(topology, topology.objects.countries);
      return { ...countries, features: countries.features.filter((f) => f.id !== ANTARCTICA) };
    })
    .catch((error: unknown) => {
      pending = null; // let a later mount retry (e.g. after a flaky chunk load)
      throw error;
    });
  return pending;
}
