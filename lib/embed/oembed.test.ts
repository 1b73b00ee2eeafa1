import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LANGS } from "../i18n/lang";
import { embedHref, pageHref } from "../query/endpoints";
import { EMBED_PARTS, EMBED_THEMES, EMPTY_QUERY, TIMELINE_GROUPINGS, type Query } from "../query/query";
import { parseQuery } from "../query/parse";
import { oembedTarget, readMaximum, THUMBNAIL, viewAnswer } from "./oembed";

const site = new URL("https://site.example");
const provider = { name: "China–UNESCO education cooperation", site };

const slug = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,5})?$/);
const year = fc.integer({ min: 2000, max: 2030 }).map(String);
// Views of every kind of parameter (ids of any form: the pure module does not know the dataset's).
const viewArb: fc.Arbitrary<Query> = fc
  .record({
    from: fc.option(year),
    city: fc.uniqueArray(slug, { maxLength: 3 }),
    category: fc.uniqueArray(slug, { maxLength: 2 }),
    q: fc.stringMatching(/^[a-z]{0,10}$/),
    event: fc.option(slug),
    rows: fc.constantFrom(...TIMELINE_GROUPINGS),
    lang: fc.constantFrom(...LANGS),
    ui: fc.subarray([...EMBED_PARTS], { minLength: 1 }),
    theme: fc.constantFrom(...EMBED_THEMES),
  })
  .map((parts) => ({ ...EMPTY_QUERY, ...parts }));
const maximum = fc.option(fc.integer({ min: 1, max: 3000 }), { nil: undefined });
const unescapeAttribute = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

describe("oEmbed answers for views", () => {
  it("stay within the consumer's maxima, and their iframe shows the view asked for (any view, either page)", () => {
    fc.assert(
      fc.property(viewArb, fc.boolean(), maximum, maximum, (query, embedded, maxwidth, maxheight) => {
        const url = new URL(embedded ? embedHref(query, {}) : pageHref(query, {}), site).href;
        const target = oembedTarget(url, site);
        expect(target?.kind).toBe("view");
        const asked = parseQuery(target!.kind === "view" ? target!.search : new URLSearchParams()).query;
        const answer = viewAnswer(asked, "A view", provider, { maxwidth, maxheight });
        expect(answer).toMatchObject({ type: "rich", version: "1.0", provider_url: "https://site.example/" });
        expect(Number.isInteger(answer.width) && answer.width >= 1 && answer.width <= (maxwidth ?? Infinity)).toBe(true);
        expect(Number.isInteger(answer.height) && answer.height >= 1 && answer.height <= (maxheight ?? Infinity)).toBe(true);
        const src = unescapeAttribute(/ src="([^"]*)"/.exec(answer.html)![1]);
        expect(new URL(src).origin).toBe(site.origin);
        expect(new URL(src).pathname).toBe("/embed");
        expect(parseQuery(new URL(src).searchParams).query).toEqual(asked);
        // The thumbnail comes with its size, and only when it fits the maxima.
        if (answer.thumbnail_url) {
          expect(answer.thumbnail_width).toBeLessThanOrEqual(maxwidth ?? Infinity);
          expect(answer.thumbnail_height).toBeLessThanOrEqual(maxheight ?? Infinity);
        } else expect(THUMBNAIL.width > (maxwidth ?? Infinity) || THUMBNAIL.height > (maxheight ?? Infinity)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("gives the view's preview image as the thumbnail", () => {
    const query = { ...EMPTY_QUERY, city: ["shanghai"], lang: "zh" as const };
    expect(viewAnswer(query, "上海", provider, {})).toMatchObject({
      title: "上海",
      thumbnail_url: "https://site.example/og?city=shanghai&lang=zh",
      thumbnail_width: 1200,
      thumbnail_height: 630,
    });
  });
});

describe("what a URL names", () => {
  it("a view, a source page, or nothing of this site", () => {
    expect(oembedTarget("https://site.example/?city=shanghai", site)).toMatchObject({ kind: "view" });
    expect(oembedTarget("https://site.example/embed", site)).toMatchObject({ kind: "view" });
    expect(oembedTarget("https://site.example/sources/ichei-about", site)).toEqual({ kind: "source", id: "ichei-about" });
    for (const url of ["https://other.example/?city=shanghai", "http://site.example/", "https://site.example/api/events", "not a url", ""])
      expect(oembedTarget(url, site)).toBeNull();
  });

  it("reads a maximum as a positive whole number of pixels", () => {
    expect(readMaximum(null)).toBeUndefined();
    expect(readMaximum("480")).toBe(480);
    for (const bad of ["0", "-5", "12.5", "wide", "1e3"]) expect(readMaximum(bad)).toBeNull();
  });
});
