import { describe, expect, it } from "vitest";
import { EMPTY_QUERY, type Query } from "@/lib/query/query";
import { refreshBackLink } from "./back-links";

/** Just what refreshBackLink touches of a DOM element: `closest` and the `href` attribute. */
function fakeLink(href: string, carriesView = true) {
  const attributes = new Map([["href", href]]);
  const link = {
    getAttribute: (name: string) => attributes.get(name) ?? null,
    setAttribute: (name: string, value: string) => void attributes.set(name, value),
    closest: (selector: string) => (carriesView && selector === "a[data-back]" ? link : null),
  };
  return { link, href: () => attributes.get("href") };
}

const panned: Query = {
  ...EMPTY_QUERY,
  city: ["shanghai"],
  event: "2023-07-02-meeting",
  map: { lat: 31.2, lon: 121.5, zoom: 7 },
  lang: "zh",
};

describe("a link to a page about the data, as it is followed", () => {
  it("carries the view as it is now, the map panned since the server wrote it included", () => {
    const { link, href } = fakeLink("/sources/doc?lang=zh&back=city%3Dshanghai%26event%3D2023-07-02-meeting#q-a--1");
    refreshBackLink(link as unknown as EventTarget, panned);
    expect(href()).toBe("/sources/doc?lang=zh&back=city%3Dshanghai%26event%3D2023-07-02-meeting%26map%3D31.2%2C121.5%2C7#q-a--1");
  });

  it("leaves other links, and targets that are no elements, alone", () => {
    const { link, href } = fakeLink("/?city=dakar", false);
    refreshBackLink(link as unknown as EventTarget, panned);
    expect(href()).toBe("/?city=dakar");
    expect(() => refreshBackLink(null, panned)).not.toThrow();
    expect(() => refreshBackLink({} as EventTarget, panned)).not.toThrow();
  });
});
