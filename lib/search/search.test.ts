import { describe, expect, it } from "vitest";
import { filterEvents } from "./filter";
import { EMPTY_QUERY, type Query } from "../query/query";
import { normalizeTerm, searchEvents, suggestSearch, tokenize } from "./search";
import { fixtureIndex, fixtureStore } from "../data/test-fixtures";

const index = fixtureIndex();
const ids = (q: string, patch: Partial<Query> = {}) => filterEvents(index, { ...EMPTY_QUERY, ...patch, q }).map((e) => e.id);
const suggest = (q: string, patch: Partial<Query> = {}) => fixtureStore().suggest({ ...EMPTY_QUERY, ...patch, q });

describe("tokenize", () => {
  it("splits words on any separator and Chinese into character pairs", () => {
    expect(tokenize("UNESCO-ICHEI, l'école")).toEqual(["UNESCO", "ICHEI", "l", "école"]);
    expect(tokenize("STEM教育 联合国")).toEqual(["STEM", "教育", "联合", "合国"]);
    expect(tokenize("在上海")).toEqual(["在上", "上海"]);
    expect(tokenize("海")).toEqual(["海"]);
  });

  it("folds case, accents and full-width letters", () => {
    expect(["Ürümqi", "ＵＮＥＳＣＯ", "École"].map(normalizeTerm)).toEqual(["urumqi", "unesco", "ecole"]);
  });
});

describe("searchEvents", () => {
  it("finds words across separators, in any order", () => {
    const hyphenated = ids("UNESCO-ICHEI");
    expect(hyphenated).toEqual(["2015-11-month"]);
    expect(ids("unesco ichei")).toEqual(hyphenated);
    expect(ids("ichei unesco")).toEqual(hyphenated);
  });

  it("forgives a typo in a longer word, not in a short one", () => {
    expect(ids("Shangai")).toEqual(ids("Shanghai"));
    expect(ids("Shangai")).toEqual(["2023-07-02-meeting", "2025-10-13-span"]);
    expect(ids("Gianini")).toEqual(["2023-07-02-meeting"]);
    // "stem" has too many four-letter neighbours to bend.
    expect(ids("stam")).toEqual([]);
  });

  it("matches the beginning of a word", () => {
    expect(ids("giann")).toEqual(["2023-07-02-meeting"]);
    expect(ids("dialog")).toEqual(["2024-12-13-dakar"]);
  });

  it("keeps every Chinese query that matched as a substring matching", () => {
    expect(ids("上海")).toEqual(["2023-07-02-meeting", "2025-10-13-span"]);
    expect(ids("海")).toEqual(["2023-07-02-meeting", "2025-10-13-span"]);
    expect(ids("联合国教科文组织")).toHaveLength(4);
    expect(ids("教科文")).toHaveLength(4);
    expect(ids("上海会见")).toEqual(["2023-07-02-meeting"]);
    expect(ids("鲸")).toEqual([]);
  });

  it("needs every word: a word found nowhere empties the result", () => {
    expect(ids("shanghai xyzzy")).toEqual([]);
  });

  it("answers the same text search once per dataset, whatever the other filters", () => {
    expect(searchEvents(index, "shanghai")).toBe(searchEvents(index, " shanghai "));
    expect(ids("shanghai", { from: "2025" })).toEqual(["2025-10-13-span"]);
  });
});

describe("suggestSearch", () => {
  it("mends a word that matches nothing, written as the data writes it", async () => {
    expect(ids("Shangahi")).toEqual([]);
    expect(await suggest("Shangahi")).toBe("Shanghai");
    expect(await suggest("shangahi giannini")).toBe("Shanghai giannini");
  });

  it("suggests only what finds something under the view's other filters", async () => {
    expect(await suggest("Shangahi", { city: ["dakar"] })).toBeNull();
  });

  it("has nothing to suggest for a search that matches, for nonsense or for Chinese", async () => {
    expect(await suggest("Shanghai")).toBeNull();
    expect(await suggest("xyzzyq")).toBeNull();
    expect(await suggest("鲸鱼")).toBeNull();
    expect(suggestSearch(index, "", () => true)).toBeNull();
  });
});
