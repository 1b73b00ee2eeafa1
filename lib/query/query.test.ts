import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { periodEnd, periodStart } from "../core/dates";
import { embedHref, exportHref, pageHref, previewHref, rowsHref, scrubHref } from "./endpoints";
import { viewSlug } from "./export-formats";
import {
  cleared,
  EMBED_PARTS,
  EMBED_THEMES,
  EMPTY_QUERY,
  parsersIn,
  SCOPES,
  searchFor,
  serializeQuery,
  TIMELINE_GROUPINGS,
  toMapView,
  type Query,
} from "./query";
import { ignoredValues, parseQuery, sanitizeQuery } from "./parse";
import { LANGS } from "../i18n/lang";
import { PACE_LIMITS, PLAY_STEPS } from "../playback/settings";
import { yearsInSearch } from "./years-in-search";
import { vocabularyOf } from "../data/vocabulary";
import { fixtureIndex } from "../data/test-fixtures";

const vocabulary = vocabularyOf(fixtureIndex());
const parse = (qs: string) => parseQuery(new URLSearchParams(qs));

describe("parseQuery", () => {
  it("reads every parameter of the URL contract", () => {
    const { query, issues } = parse(
      "from=2023&to=2025-06-30&city=shanghai,beijing&country=cn&category=conference&org=unesco&unmapped=1&q=%E4%B8%8A%E6%B5%B7&event=2016-06-08-x&map=31.2,121.5,5&lang=zh",
    );
    expect(issues).toEqual([]);
    expect(query).toEqual({
      from: "2023",
      to: "2025-06-30",
      city: ["shanghai", "beijing"],
      country: ["cn"],
      category: ["conference"],
      org: ["unesco"],
      unmapped: true,
      q: "上海",
      event: "2016-06-08-x",
      map: { lat: 31.2, lon: 121.5, zoom: 5 },
      rows: "category",
      lang: "zh",
      play: null,
      grow: false,
      pace: null,
      tour: null,
      step: null,
      ui: ["map", "timeline", "list"],
      theme: "auto",
      autoplay: false,
    });
  });

  it("reads an embed's parts in the page's order, and says which it set aside", () => {
    expect(parse("ui=list,map").query.ui).toEqual(["map", "list"]);
    expect(serializeQuery({ ...EMPTY_QUERY, ui: ["list", "map"] })).toBe("?ui=list,map");
    expect(serializeQuery({ ...EMPTY_QUERY, ui: ["map", "timeline", "list"], theme: "auto" })).toBe("");
    const partly = parse("ui=map,maps&theme=dark");
    expect(partly.query).toMatchObject({ ui: ["map"], theme: "dark" });
    expect(partly.issues).toMatchObject([{ param: "ui", value: "maps", reason: "malformed" }]);
    const wholly = parse("ui=sidebar&theme=sepia");
    expect(wholly.query).toMatchObject({ ui: EMPTY_QUERY.ui, theme: "auto" });
    expect(wholly.issues.map((i) => i.param)).toEqual(["ui", "theme"]);
  });

  it("drops malformed values and reports each, without throwing", () => {
    const { query, issues } = parse("from=%25&city=%3Cx%3E&to=2023-02-30&map=1,2&event=../etc&unmapped=yes");
    expect(query).toEqual(EMPTY_QUERY);
    expect(issues.map((i) => i.param).sort()).toEqual(["city", "event", "from", "map", "to", "unmapped"]);
  });

  it("drops ids the dataset does not know and names the accepted ones", () => {
    const { query, issues } = parseQuery(new URLSearchParams("city=shanghai,atlantis&category=nope&event=no-such-event"), vocabulary);
    expect(query.city).toEqual(["shanghai"]);
    expect(query.category).toEqual([]);
    expect(query.event).toBeNull();
    const city = issues.find((i) => i.param === "city");
    expect(city?.value).toBe("atlantis");
    expect(city?.accepted).toEqual(["dakar", "shanghai", "shenzhen"]);
    expect(issues.map((i) => i.param).sort()).toEqual(["category", "city", "event"]);
  });

  it("reads a window written end first the right way round, and reports the swap", () => {
    const { query, issues } = parse("from=2020&to=2019-12");
    expect([query.from, query.to]).toEqual(["2019-12", "2020"]);
    expect(issues).toEqual([expect.objectContaining({ param: "to", reason: "swapped" })]);
  });

  it("says why each value was dropped: a wrong form, or an id the dataset lacks", () => {
    const { issues } = parseQuery(new URLSearchParams("city=atlantis&from=2023-13&event=no-such-event&map=1,2"), vocabulary);
    const reasons = Object.fromEntries(issues.map((i) => [i.param, [i.value, i.reason]]));
    expect(reasons).toEqual({
      city: ["atlantis", "unknown"],
      from: ["2023-13", "malformed"],
      event: ["no-such-event", "unknown"],
      map: ["1,2", "malformed"],
    });
  });

  it("ignores unknown parameters and accepts a Next.js searchParams object", () => {
    const { query, issues } = parseQuery({ utm_source: "x", city: ["shanghai", "dakar"], from: undefined });
    expect(issues).toEqual([]);
    expect(query.city).toEqual(["shanghai", "dakar"]);
  });
});

describe("playback and tours", () => {
  it("reads a paused frame's player, leaving defaults out of the URL", () => {
    const { query, issues } = parse("from=2016-04&to=2016-06&play=3m&grow=1&pace=500");
    expect(issues).toEqual([]);
    expect(query).toMatchObject({ from: "2016-04", to: "2016-06", play: "3m", grow: true, pace: 500 });
    expect(serializeQuery({ ...EMPTY_QUERY, from: "2019", to: "2019", play: "1y" })).toBe("?from=2019&to=2019&play=1y");
  });

  it("ignores and explains a step, switch or pace of no known form", () => {
    const { query, issues } = parse("play=2w&grow=yes&pace=5");
    expect(query).toMatchObject({ play: null, grow: false, pace: null });
    expect(issues.map((i) => [i.param, i.reason])).toEqual([
      ["play", "malformed"],
      ["grow", "malformed"],
      ["pace", "malformed"],
    ]);
  });

  it("keeps playback out of every answer the server computes", () => {
    const player: Query = { ...EMPTY_QUERY, from: "2019", to: "2019", play: "1m", grow: true, pace: 300, tour: "t", step: "s" };
    const links = ["page", "embed"]; // a link to the view itself carries them; the server computes nothing from them
    for (const scope of SCOPES.filter((s) => !links.includes(s))) expect(searchFor(scope, player)).not.toMatch(/play|grow|pace|tour|step/);
    for (const scope of links)
      expect(searchFor(scope as (typeof SCOPES)[number], player)).toBe("?from=2019&to=2019&play=1m&grow=1&pace=300&tour=t&step=s");
  });

  const tours = new Map([["ichei-shenzhen", ["agreements", "founding"]]]);
  const withTours = (qs: string) => parseQuery(new URLSearchParams(qs), { ...vocabulary, tours });
  it("reads a tour's step by ids", () => {
    const { query, issues } = withTours("tour=ichei-shenzhen&step=founding");
    expect(issues).toEqual([]);
    expect(query).toMatchObject({ tour: "ichei-shenzhen", step: "founding" });
  });

  it("drops an unknown tour or step with a reason, never throwing", () => {
    const unknownTour = withTours("tour=atlantis&step=founding");
    expect(unknownTour.query).toMatchObject({ tour: null, step: null });
    expect(unknownTour.issues.map((i) => [i.param, i.reason])).toEqual([["tour", "unknown"]]);
    const unknownStep = withTours("tour=ichei-shenzhen&step=nowhere");
    expect(unknownStep.query).toMatchObject({ tour: "ichei-shenzhen", step: null });
    expect(unknownStep.issues.map((i) => [i.param, i.reason])).toEqual([["step", "unknown"]]);
    expect(withTours("step=founding").issues.map((i) => [i.param, i.reason])).toEqual([["step", "malformed"]]);
  });
});

describe("sanitizeQuery", () => {
  it("drops ids the dataset does not know and keeps the rest of the view", () => {
    const query: Query = {
      ...EMPTY_QUERY,
      from: "2015",
      city: ["atlantis", "shanghai"],
      category: ["nope"],
      event: "no-such-event",
      q: "ICHEI",
      map: { lat: 1, lon: 2, zoom: 3 },
    };
    expect(sanitizeQuery(query, vocabulary)).toEqual({ ...query, city: ["shanghai"], category: [], event: null });
  });

  it("leaves a query of known ids as it is", () => {
    const query: Query = { ...EMPTY_QUERY, city: ["dakar"], org: ["unesco"], event: [...vocabulary.event!][0] };
    expect(sanitizeQuery(query, vocabulary)).toEqual(query);
  });
});

describe("serializeQuery", () => {
  it("leaves defaults out of the URL", () => {
    expect(serializeQuery(EMPTY_QUERY)).toBe("");
    expect(serializeQuery({ ...EMPTY_QUERY, city: ["urumqi"] })).toBe("?city=urumqi");
  });

  it("writes the unmapped switch as =1 and leaves it out when off", () => {
    expect(serializeQuery({ ...EMPTY_QUERY, unmapped: true, lang: "zh" })).toBe("?unmapped=1&lang=zh");
    expect(serializeQuery({ ...EMPTY_QUERY, unmapped: false })).toBe("");
    expect(parse("unmapped=0").issues.map((i) => i.reason)).toEqual(["malformed"]);
  });
});

const slug = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,5})?$/);
const partialDate = fc
  .date({ min: new Date("1900-01-01"), max: new Date("2100-12-31"), noInvalidDate: true })
  .chain((d) => fc.constantFrom(4, 7, 10).map((n) => d.toISOString().slice(0, n)));
const list = (item: fc.Arbitrary<string>) => fc.uniqueArray(item, { maxLength: 4 });
const coordinate = (max: number) => fc.integer({ min: -max * 1e4, max: max * 1e4 }).map((n) => n / 1e4);
// A valid window: either end may be open; when both are set, from's period starts no later than to's ends.
const window = fc
  .tuple(fc.option(partialDate), fc.option(partialDate))
  .map(([a, b]) => (a && b && periodStart(a) > periodEnd(b) ? { from: b, to: a } : { from: a, to: b }))
  .filter(({ from, to }) => !(from && to && periodStart(from) > periodEnd(to)));
const restArb = fc.record({
  city: list(slug),
  country: list(fc.stringMatching(/^[a-z]{2}$/)),
  category: list(slug),
  org: list(slug),
  unmapped: fc.boolean(),
  q: fc.string({ maxLength: 40 }).map((s) => s.trim()),
  event: fc.option(slug),
  map: fc.option(fc.record({ lat: coordinate(90), lon: coordinate(180), zoom: fc.integer({ min: 0, max: 180 }).map((z) => z / 10) })),
  rows: fc.constantFrom(...TIMELINE_GROUPINGS),
  lang: fc.constantFrom(...LANGS),
  play: fc.option(fc.constantFrom(...PLAY_STEPS)),
  grow: fc.boolean(),
  pace: fc.option(fc.integer({ min: PACE_LIMITS.min, max: PACE_LIMITS.max })),
  tour: fc.constant(null),
  step: fc.constant(null),
  ui: fc.subarray([...EMBED_PARTS], { minLength: 1 }),
  theme: fc.constantFrom(...EMBED_THEMES),
  autoplay: fc.boolean(),
});
// A query as parseQuery leaves it: a search naming years and no window of its own would read as that window.
const queryArb: fc.Arbitrary<Query> = fc
  .tuple(window, restArb)
  .map(([w, rest]) => ({ ...rest, ...w }))
  .filter((q) => Boolean(q.from || q.to || !yearsInSearch(q.q)));

describe("properties", () => {
  it("parse(serialize(q)) equals q", () => {
    fc.assert(
      fc.property(queryArb, (query) => {
        const url = serializeQuery(query);
        const { query: back, issues } = parse(url.slice(1));
        expect(issues).toEqual([]);
        expect(back).toEqual(query);
      }),
      { numRuns: 500 },
    );
  });

  it("generates windows with both ends set (the round trip covers `to`)", () => {
    const samples = fc.sample(queryArb, { numRuns: 500, seed: 1 });
    expect(samples.filter((q) => q.from && q.to).length).toBeGreaterThan(50);
  });

  it("never throws on arbitrary query strings", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        fc.dictionary(
          fc.constantFrom("from", "to", "city", "country", "category", "org", "unmapped", "q", "event", "map", "ui", "theme", "x"),
          fc.string(),
        ),
        (raw, dict) => {
          parseQuery(new URLSearchParams(raw), vocabulary);
          parseQuery(dict, vocabulary);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("what each answer depends on", () => {
  const view: Query = {
    ...EMPTY_QUERY,
    from: "2023",
    to: "2025",
    city: ["shanghai"],
    q: "stem",
    event: "2016-06-08-x",
    map: { lat: 31.2, lon: 121.5, zoom: 5 },
    rows: "organization",
    lang: "zh",
  };

  it("asks each endpoint for its own parameters, in the URL's order, then the endpoint's", () => {
    expect(rowsHref(view, { after: "WzEsMiwiYSJd" })).toBe("/api/rows?from=2023&to=2025&city=shanghai&q=stem&lang=zh&after=WzEsMiwiYSJd");
    expect(scrubHref(view, { v: "v1" })).toBe("/api/scrub?city=shanghai&q=stem&v=v1");
    expect(exportHref(view, { format: "csv" })).toBe("/api/events?from=2023&to=2025&city=shanghai&q=stem&lang=zh&format=csv");
    expect(previewHref(view, {})).toBe("/og?from=2023&to=2025&city=shanghai&q=stem&lang=zh");
    expect(searchFor("view", view)).toBe("?from=2023&to=2025&city=shanghai&q=stem&event=2016-06-08-x&rows=organization&lang=zh");
    expect(searchFor("fit", view)).toBe("?city=shanghai&q=stem&rows=organization&lang=zh");
  });

  it("links the dashboard's view without an embed's own parameters, and the embed with them", () => {
    const framed: Query = { ...view, ui: ["map"], theme: "dark" };
    expect(pageHref(framed, {})).toBe(
      "/?from=2023&to=2025&city=shanghai&q=stem&event=2016-06-08-x&map=31.2,121.5,5&rows=organization&lang=zh",
    );
    expect(embedHref(framed, {})).toBe(
      "/embed?from=2023&to=2025&city=shanghai&q=stem&event=2016-06-08-x&map=31.2,121.5,5&rows=organization&lang=zh&ui=map&theme=dark",
    );
    expect(pageHref(EMPTY_QUERY, {})).toBe("/");
  });

  it("leaves an endpoint's own parameter alone when the view has none", () => {
    expect(rowsHref(EMPTY_QUERY, { after: "WzEsMiwiYSJd" })).toBe("/api/rows?after=WzEsMiwiYSJd");
    expect(scrubHref(EMPTY_QUERY, { v: "v1" })).toBe("/api/scrub?v=v1");
    expect(exportHref(EMPTY_QUERY, { format: "json" })).toBe("/api/events?format=json");
    expect(previewHref(EMPTY_QUERY, {})).toBe("/og");
  });

  it("names a download after what it holds: the timeline's rows change nothing in it", () => {
    expect(viewSlug(view)).toBe("from-2023_to-2025_city-shanghai_q-stem_lang-zh");
    expect(viewSlug({ ...view, rows: "category" })).toBe(viewSlug(view));
  });

  it("reads back, for every scope, its own parameters and nothing else", () => {
    fc.assert(
      fc.property(queryArb, fc.constantFrom(...SCOPES), (query, scope) => {
        const { query: back } = parse(searchFor(scope, query).slice(1));
        const own = new Set(Object.keys(parsersIn(scope)));
        for (const key of Object.keys(query) as (keyof Query)[]) expect(back[key]).toEqual(own.has(key) ? query[key] : EMPTY_QUERY[key]);
      }),
      { numRuns: 300 },
    );
  });
});

describe("toMapView", () => {
  it("rounds a viewport as the URL writes it, so a written view reads back equal", () => {
    const view = toMapView(31.234567, 121.476543, 5.26);
    expect(view).toEqual({ lat: 31.2346, lon: 121.4765, zoom: 5.3 });
    expect(parse(serializeQuery({ ...EMPTY_QUERY, map: view }).slice(1)).query.map).toEqual(view);
  });
});

describe("values the page set aside", () => {
  const open = (qs: string) => {
    const params = new URLSearchParams(qs);
    const { query } = parseQuery(params, vocabulary);
    return { query, ignored: ignoredValues(params, query) };
  };

  it("are named as the browser reads them, and only those", () => {
    expect(open("city=shanghai&lang=zh").ignored).toEqual({});
    expect(open("city=atlantis,shanghai&from=garbage").ignored).toEqual({ city: ["atlantis", "shanghai"], from: null });
    expect(open("from=2025&to=2019").ignored).toEqual({ from: "2025", to: "2019" });
    // The window of a year in the search is the page's reading, which the URL does not write yet.
    expect(open("q=Shanghai 2025").ignored).toEqual({ q: "Shanghai 2025", from: null, to: null });
  });

  it("give the next click the window a year in the search named", () => {
    const { query, ignored } = open("q=Shanghai 2025");
    const asOpened = { ...EMPTY_QUERY, q: "Shanghai 2025" };
    expect(cleared(asOpened, ignored, query)).toEqual({ q: "Shanghai", from: "2025", to: "2025" });
  });

  it("go back to the page's reading while the URL still holds them, and a change made since is kept", () => {
    const { query, ignored } = open("city=atlantis&from=2025&to=2019");
    const asOpened = { ...EMPTY_QUERY, city: ["atlantis"], from: "2025", to: "2019" };
    expect(cleared(asOpened, ignored, query)).toEqual({ city: [], from: "2019", to: "2025" });
    expect(cleared({ ...asOpened, city: ["dakar"] }, ignored, query)).toEqual({ from: "2019", to: "2025" });
  });
});
