import { describe, expect, it } from "vitest";
import { toGeoJson, type EventFeatureCollection } from "./geojson";
import { exportFixtureIndex } from "../data/test-fixtures";

const index = exportFixtureIndex();
const collection = JSON.parse(toGeoJson(index.events, index)) as EventFeatureCollection;

describe("toGeoJson", () => {
  it("is a FeatureCollection of mapped events only, counting the unmapped", () => {
    expect(collection.type).toBe("FeatureCollection");
    expect(collection.features.map((f) => f.id).sort()).toEqual(["2016-06-08-ichei-founded", "2025-10-13-forum"]);
    expect(collection.matched).toBe(4);
    expect(collection.unmapped).toBe(2);
    expect(collection.total).toBe(4);
  });

  it("puts coordinates in [lon, lat] order", () => {
    const lima = collection.features.find((f) => f.id === "2025-10-13-forum")!;
    expect(lima.geometry).toEqual({ type: "Point", coordinates: [-77.0428, -12.0464] });
  });

  it("carries the public event fields with the place flattened", () => {
    const ichei = collection.features.find((f) => f.id === "2016-06-08-ichei-founded")!;
    expect(ichei.properties).toMatchObject({
      id: "2016-06-08-ichei-founded",
      title: "ICHEI founded",
      start: "2016-06-08",
      placeId: "beijing",
      placeName: "Beijing",
      placeNameZh: "北京",
      country: "cn",
      sources: index.eventById.get("2016-06-08-ichei-founded")!.sources,
    });
    expect(ichei.properties).not.toHaveProperty("place");
    expect(ichei.properties).not.toHaveProperty("searchText");
    expect(ichei.properties).not.toHaveProperty("startMs");
  });

  it("survives JSON serialisation and reports matched for a filtered subset", () => {
    const subset = index.events.filter((e) => e.start.startsWith("20"));
    const parsed = JSON.parse(toGeoJson(subset.slice(0, 1), index));
    expect(parsed.matched).toBe(1);
    expect(parsed.features.length + parsed.unmapped).toBe(1);
  });
});
