import { describe, expect, it } from "vitest";
import { eventDetail } from "../view/detail";
import { toCsv } from "../export/csv";
import { homeHref } from "./lang";
import { fixtureIndex } from "../data/test-fixtures";

describe("homeHref", () => {
  it("keeps the reader's language, leaving the default out", () => {
    expect(homeHref("en")).toBe("/");
    expect(homeHref("zh")).toBe("/?lang=zh");
  });
});

describe("names in the reader's language", () => {
  const index = fixtureIndex();
  // An organisation the dataset does not list: its id stands in, rather than a blank.
  const event = { ...index.eventById.get("2016-06-08-founded")!, organizations: ["unesco", "unesco-ichei", "gone-org"] };

  it("reads Chinese where the data has it, English where it does not, the id where there is no record", () => {
    expect(eventDetail(event, index, "zh").organizations).toEqual(["联合国教科文组织", "UNESCO-ICHEI", "gone-org"]);
    expect(eventDetail(event, index, "en").organizations).toEqual(["UNESCO", "UNESCO-ICHEI", "gone-org"]);
    expect(toCsv([event], index, "zh")).toContain("联合国教科文组织; UNESCO-ICHEI; gone-org");
  });
});
