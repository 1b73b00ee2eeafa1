import { describe, expect, it } from "vitest";
import { figureText, figureTexts } from "./figures";

describe("figureText", () => {
  it("puts the source's qualifier before the number and names what is counted", () => {
    expect(figureText("foreignExperts", { value: 2600, qualifier: "about" })).toBe("about 2,600 foreign experts");
    expect(figureText("countriesAndRegions", { value: 110, qualifier: "more than" })).toBe("more than 110 countries and regions");
    expect(figureText("newNationalCentres", { value: 3 })).toBe("3 newly established IIOE National Centres");
  });

  it("uses the singular only for an exact 1", () => {
    expect(figureText("guests", { value: 1 })).toBe("1 guest");
    expect(figureText("guests", { value: 1, qualifier: "more than" })).toBe("more than 1 guests");
  });

  it("reads sessions and editions as ordinals", () => {
    expect(figureText("session", { value: 38 })).toBe("38th session");
    expect(figureText("edition", { value: 23 })).toBe("23rd edition");
    expect(figureText("edition", { value: 2 })).toBe("2nd edition");
    expect(figureText("session", { value: 211 })).toBe("211th session");
  });

  it("keeps the qualifier with the number inside a phrase", () => {
    expect(figureText("renewalYears", { value: 8 })).toBe("renewed for 8 years");
    expect(figureText("renewalYears", { value: 8, qualifier: "about" })).toBe("renewed for about 8 years");
  });

  it("falls back to the key's words for figures it has no wording for", () => {
    expect(figureText("smartBoards", { value: 12, qualifier: "nearly" })).toBe("nearly 12 smart boards");
  });

  it("lists an event's figures in order", () => {
    expect(figureTexts({ edition: { value: 2 }, guests: { value: 500, qualifier: "about" } })).toEqual(["2nd edition", "about 500 guests"]);
    expect(figureTexts(undefined)).toEqual([]);
  });
});
