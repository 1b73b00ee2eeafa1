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
  const json = JSON.parse(toJson(index.events, index));
  const geojson = JSON.parse(toGeoJson(index.events, index));

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

describe("the API's links", () => {
  const sources = [{ id: "seed-a", file: "seed-a.md", title: "Seed A report", titleSource: "supplied" as const, language: ["en"] }];
  const listed = exportFixtureIndex([], sources);

  it("are absolute in JSON: the event on the dashboard and each quoted passage, in the view's language", () => {
    const founding = listed.events.filter((e) => e.id === "2016-06-08-ichei-founded");
    const [founded] = JSON.parse(toJson(founding, listed, "zh", "https://example.org")).events;
    expect(founded.url).toBe("https://example.org/?event=2016-06-08-ichei-founded&lang=zh");
    expect(founded.sources[0]).toEqual({
      document: "seed-a.md",
      quote: "was founded on 8 June 2016",
      documentTitle: "Seed A report",
      passage: "https://example.org/sources/seed-a?lang=zh#q-2016-06-08-ichei-founded--1",
    });
    // A document the dataset does not list has no page to link to.
    expect(founded.sources[1]).toEqual({ document: "seed-b.md", quote: "ICHEI, in Shenzhen" });
  });

  it("are absolute in GeoJSON too", () => {
    const { features } = JSON.parse(toGeoJson(listed.events, listed, "en", "https://example.org"));
    const feature = features.find((f: { id: string }) => f.id === "2016-06-08-ichei-founded");
    expect(feature.properties.url).toBe("https://example.org/?event=2016-06-08-ichei-founded");
    expect(feature.properties.sources[0].passage).toBe("https://example.org/sources/seed-a#q-2016-06-08-ichei-founded--1");
  });
});
