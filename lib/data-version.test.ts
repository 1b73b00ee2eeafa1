import { describe, expect, it } from "vitest";
import { indexDataset } from "./dataset";
import { dataVersion } from "./data-version";
import { fixtureIndex } from "./test-fixtures";

describe("dataVersion", () => {
  it("is stable for the same content and changes when a title changes", () => {
    const a = fixtureIndex();
    const same = indexDataset(structuredClone(a.dataset));
    expect(dataVersion(a)).toBe(dataVersion(same));
    const edited = structuredClone(a.dataset);
    edited.events[0].title += " (edited)";
    expect(dataVersion(indexDataset(edited))).not.toBe(dataVersion(a));
  });
});
