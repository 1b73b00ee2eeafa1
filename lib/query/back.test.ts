import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { backValue, withBack } from "./back";
import { readBack } from "./read-back";
import { EMPTY_QUERY, type Query } from "./query";
import { vocabularyOf } from "../data/vocabulary";
import { fixtureIndex } from "../data/test-fixtures";

const vocabulary = vocabularyOf(fixtureIndex());
const shanghai: Query = {
  ...EMPTY_QUERY,
  from: "2023",
  to: "2025",
  city: ["shanghai"],
  event: "2023-07-02-meeting",
  map: { lat: 31.2, lon: 121.5, zoom: 6 },
  rows: "organization",
  lang: "zh",
};

describe("the way back to a dashboard view", () => {
  it("carries every part of the view but the language, which the page opened keeps itself", () => {
    expect(backValue(shanghai)).toBe("from=2023&to=2025&city=shanghai&event=2023-07-02-meeting&map=31.2,121.5,6&rows=organization");
    expect(backValue(EMPTY_QUERY)).toBe("");
  });

  it("leads back to exactly that view, in the reader's language", () => {
    expect(readBack(backValue(shanghai), "zh", vocabulary).href).toBe(
      "/?from=2023&to=2025&city=shanghai&event=2023-07-02-meeting&map=31.2,121.5,6&rows=organization&lang=zh",
    );
    expect(readBack(backValue(shanghai), "en", vocabulary).href).toBe(
      "/?from=2023&to=2025&city=shanghai&event=2023-07-02-meeting&map=31.2,121.5,6&rows=organization",
    );
  });

  it("goes home when there is no view to go back to", () => {
    expect(readBack(undefined, "en")).toEqual({ back: "", href: "/" });
    expect(readBack("", "zh")).toEqual({ back: "", href: "/?lang=zh" });
    expect(readBack([], "en").href).toBe("/");
  });

  it("reads the view with the dashboard's parsers: unknown ids, bad values and other parameters are dropped", () => {
    const { back, href } = readBack(
      "city=shanghai,atlantis&from=2023-13&event=no-such-event&next=//evil.example&lang=xx",
      "en",
      vocabulary,
    );
    expect(back).toBe("city=shanghai");
    expect(href).toBe("/?city=shanghai");
  });

  it("takes the first of repeated `back` parameters, and tolerates a leading ?", () => {
    expect(readBack(["?city=dakar", "city=shanghai"], "en", vocabulary).href).toBe("/?city=dakar");
  });

  it("never leads off the site, whatever it is given", () => {
    for (const raw of ["https://evil.example", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "%0d%0aLocation:x"]) {
      expect(readBack(raw, "en", vocabulary).href).toBe("/");
    }
    fc.assert(
      fc.property(fc.string(), (raw) => {
        const { href } = readBack(raw, "en");
        expect(href === "/" || href.startsWith("/?")).toBe(true);
        // Written by the serializer: a view read back from it is the same view.
        expect(readBack(readBack(raw, "en").back, "en").href).toBe(href);
      }),
    );
  });

  it("puts the view on a link, keeping its path, language and fragment, and leaves the default view out", () => {
    expect(withBack("/sources/doc?lang=zh#q-a--1", "city=shanghai&from=2023")).toBe(
      "/sources/doc?lang=zh&back=city%3Dshanghai%26from%3D2023#q-a--1",
    );
    expect(withBack("/sources/doc?back=city%3Ddakar", "")).toBe("/sources/doc");
    expect(new URL(withBack("/sources", "q=a b&c"), "http://x").searchParams.get("back")).toBe("q=a b&c");
  });
});
