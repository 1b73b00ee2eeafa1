import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { exportFixtureIndex } from "../data/test-fixtures";
import { toGeoJson } from "./geojson";
import { toJson } from "./json";

// An online event with a place too, so that GeoJSON, which leaves out the unmapped, shows `online`.
const index = exportFixtureIndex([
  {
    id: "2020-06-hybrid",
    title: "Hybrid meeting",
    summary: "In Beijing and online.",
    start: "2020-06",
    place: "beijing",
    online: true,
    category: "conference",
    organizations: [],
    sources: [{ document: "seed-f.md", quote: "in June 2020" }],
  },
]);

/** The field names the README's API section lists after `label`, in backquotes. */
function documented(label: string): string[] {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const api = readme.slice(readme.indexOf("\n## API"));
  const line = api.split("\n").find((l) => l.startsWith(`- ${label}`));
  expect(line, `README's API section has an item starting "- ${label}"`).toBeDefined();
  return [...line!.matchAll(/`([A-Za-z]+)`/g)].map((m) => m[1]).sort();
}

/** Every key any of the objects has: the fixture fills every optional field in one event or another. */
const keysOf = (objects: object[]) => [...new Set(objects.flatMap((o) => Object.keys(o)))].sort();

describe("the API's published fields", () => {
  const json = JSON.parse(JSON.stringify(toJson(index.events, index)));
  const geojson = JSON.parse(JSON.stringify(toGeoJson(index.events, index)));

  it("are exactly the documented event fields in JSON, no index helper among them", () => {
    expect(keysOf(json.events)).toEqual(documented("JSON events:"));
  });

  it("expand the place to exactly the documented place fields", () => {
    const places = json.events.map((e: { place: object | null }) => e.place).filter(Boolean);
    expect(places.length).toBeGreaterThan(0);
    expect(keysOf(places)).toEqual(documented("JSON places:"));
  });

  it("are exactly the documented feature properties in GeoJSON", () => {
    expect(keysOf(geojson.features.map((f: { properties: object }) => f.properties))).toEqual(documented("GeoJSON properties:"));
  });
});
