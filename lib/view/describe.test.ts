import { describe, expect, it } from "vitest";
import { describeView, viewTitle } from "./describe";
import { EMPTY_QUERY } from "../query/query";
import { fixtureIndex } from "../data/test-fixtures";

const index = fixtureIndex();

describe("describing a view", () => {
  it("reads as a sentence", () => {
    const query = { ...EMPTY_QUERY, city: ["shanghai"], from: "2025", to: "2025", category: ["conference"] };
    expect(describeView(query, index, 1)).toBe("1 event in Shanghai, 2025, category Conference");
    expect(describeView({ ...EMPTY_QUERY, city: ["shanghai", "dakar"], q: "STEM" }, index, 2)).toBe(
      "2 events in Shanghai or Dakar, matching “STEM”",
    );
  });

  it("makes a compact title for previews", () => {
    expect(viewTitle({ ...EMPTY_QUERY, city: ["shanghai"], from: "2023", to: "2025" }, index, 4)).toBe("Shanghai · 2023–2025 · 4 events");
    expect(viewTitle({ ...EMPTY_QUERY, country: ["sn"], from: "2015-05" }, index, 1)).toBe("Senegal · since May 2015 · 1 event");
  });
});

describe("large counts", () => {
  it("are written with thousands separators", () => {
    expect(describeView({ ...EMPTY_QUERY, city: ["shanghai"] }, index, 12345)).toBe("12,345 events in Shanghai");
  });
});
