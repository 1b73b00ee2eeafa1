import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Dataset, StoredEvent } from "./dataset";
import type { Event } from "./schema";
import { InvalidCursorError, parseQueryIn, type Store, type StoreSnapshot } from "./store";
import { EMPTY_QUERY, type ListKey, type Query } from "../query/query";
import { byDate } from "../core/date-order";
import { overlaps, periodEnd, periodStart, windowOf } from "../core/time-window";
import { decodeScrubColumns } from "../timeline/scrub-index";
import { writeAll, type ExportContext } from "../export/writer";
import { csvWriter } from "../export/csv";
import { jsonWriter } from "../export/json";
import { geoJsonWriter } from "../export/geojson";
import { icsWriter } from "../export/ics";

/**
 * The store contract as a test suite, written against the interface only (lib/data/store.ts): every
 * implementation runs it over the same dataset (`makeStore` loads it, however that store keeps data)
 * and must give the same answers. The expected answers are written out here or computed from the
 * dataset's records by the small reference model below, never by the memory store's own code.
 */
export type MakeStore = (dataset: Dataset, sourceTexts: ReadonlyMap<string, string>) => Promise<Store>;

const event = (e: Partial<Event> & Pick<Event, "id" | "start">): Event => ({
  title: e.id,
  summary: "An event of the contract dataset.",
  ...(e.place ? { placeCertainty: "stated" as const } : {}),
  category: "conference",
  organizations: ["unesco"],
  sources: [{ document: "about.txt", quote: "founded" }],
  ...e,
});

/** Partial dates, spans, unmapped and online events, two countries, Chinese titles, several organizations. */
export function contractDataset(): Dataset {
  return {
    places: [
      { id: "shanghai", name: "Shanghai", nameZh: "上海", country: "cn", lat: 31.23, lon: 121.47 },
      { id: "shenzhen", name: "Shenzhen", nameZh: "深圳", country: "cn", lat: 22.54, lon: 114.06 },
      { id: "dakar", name: "Dakar", nameZh: "达喀尔", country: "sn", lat: 14.72, lon: -17.47 },
      { id: "paris", name: "Paris", nameZh: "巴黎", country: "fr", lat: 48.86, lon: 2.35 },
    ],
    organizations: [
      { id: "unesco", name: "UNESCO", nameZh: "联合国教科文组织" },
      { id: "unesco-ichei", name: "UNESCO-ICHEI" },
      { id: "moe", name: "Ministry of Education", nameZh: "教育部" },
    ],
    categories: [
      { id: "conference", name: "Conference", nameZh: "会议" },
      { id: "founding", name: "Founding", nameZh: "成立" },
      { id: "training", name: "Training", nameZh: "培训" },
    ],
    sources: [{ id: "about", file: "about.txt", title: "About Us", titleSource: "document", publisher: "UNESCO-ICHEI", language: ["en"] }],
    events: [
      event({ id: "e01-month", start: "2015-11", place: "shenzhen", organizations: ["unesco-ichei"] }),
      event({ id: "e02-founded", start: "2016-06-08", place: "shenzhen", category: "founding", title: "Centre founded", titleZh: "中心成立", titleZhSource: "source" }),
      event({ id: "e03-year", start: "2016", category: "training", organizations: [] }),
      event({ id: "e04-span", start: "2015-12-20", end: "2016-01-10", place: "dakar", category: "training", organizations: ["unesco", "moe"] }),
      event({ id: "e05-online", start: "2019-03-05", online: true, organizations: ["moe"], title: "Online seminar on digital teaching" }),
      event({ id: "e06-meeting", start: "2023-07-02", place: "shanghai", people: ["Stefania Giannini"], titleZh: "上海会见", titleZhSource: "translation", title: "Meeting in Shanghai" }),
      event({ id: "e07-forum", start: "2023-07-02", end: "2023-07-04", place: "shanghai", title: "Shanghai forum on STEM education" }),
      event({ id: "e08-paris", start: "2024-11", end: "2025-02", place: "paris", category: "training", organizations: ["unesco", "unesco-ichei"] }),
      event({ id: "e09-dakar-day", start: "2025-05-14", place: "dakar", title: "Dakar workshop", titleZh: "达喀尔研讨会", titleZhSource: "translation" }),
      event({ id: "e10-year-2025", start: "2025", place: "shanghai", placeCertainty: "inferred", category: "founding", organizations: ["moe"] }),
    ],
  };
}

const SOURCE_TEXTS: ReadonlyMap<string, string> = new Map([["about.txt", "The centre was founded in Shenzhen."]]);

/** The reference model: an event's span and the filters without search, from the records alone. */
const spanOf = (e: Event) => ({ id: e.id, startMs: periodStart(e.start), endMs: periodEnd(e.end ?? e.start) });
function modelMatch(dataset: Dataset, query: Query): string[] {
  const countryOf = new Map(dataset.places.map((p) => [p.id, p.country]));
  const window = windowOf(query);
  const valueOf: Record<ListKey, (e: Event) => string[]> = {
    city: (e) => (e.place ? [e.place] : []),
    country: (e) => (e.place ? [countryOf.get(e.place)!] : []),
    category: (e) => [e.category],
    org: (e) => e.organizations,
  };
  return dataset.events
    .filter((e) => {
      const span = spanOf(e);
      if (!overlaps(span.startMs, span.endMs, window)) return false;
      if (query.unmapped && e.place) return false;
      return (["city", "country", "category", "org"] as ListKey[]).every(
        (key) => query[key].length === 0 || valueOf[key](e).some((v) => query[key].includes(v)),
      );
    })
    .map(spanOf)
    .sort(byDate)
    .map((e) => e.id);
}

async function exported(snapshot: StoreSnapshot, query: Query): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for await (const batch of snapshot.exportEvents(query)) events.push(...batch);
  return events;
}

/** Every row id, following the keyset cursor `limit` rows at a time. */
async function pagedIds(snapshot: StoreSnapshot, query: Query, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await snapshot.rows(query, { lang: "en", limit, after });
    ids.push(...page.rows.map((r) => r.id));
    if (!page.next) return ids;
    after = page.next;
  }
  throw new Error("the cursor never ended");
}

const q = (patch: Partial<Query>): Query => ({ ...EMPTY_QUERY, ...patch });

export function runStoreContract(name: string, makeStore: MakeStore): void {
  describe(`the store contract: ${name}`, () => {
    const dataset = contractDataset();
    let store: Store;
    let s: StoreSnapshot;
    const ids = async (query: Query) => (await exported(s, query)).map((e) => e.id);
    beforeAll(async () => {
      store = await makeStore(contractDataset(), SOURCE_TEXTS);
      s = await store.snapshot();
    });

    it("keeps one version within a snapshot and reports it in health", async () => {
      expect(s.version).toBeTruthy();
      await s.count(q({ city: ["dakar"] }));
      expect(s.version).toBe((await store.snapshot()).version);
      expect(await store.health()).toEqual({ version: s.version, problems: [] });
      expect(store.kind).toBeTruthy();
    });

    it("checks a URL's event by looking it up, holding no list of every id", async () => {
      expect("event" in s.vocabulary && s.vocabulary.event).toBeFalsy();
      const known = await parseQueryIn(s, new URLSearchParams("event=e06-meeting&city=shanghai"));
      expect(known.query.event).toBe("e06-meeting");
      expect(known.issues).toEqual([]);
      const unknown = await parseQueryIn(s, new URLSearchParams("event=e99-nothing&city=shanghai"));
      expect(unknown.query).toMatchObject({ event: null, city: ["shanghai"] });
      expect(unknown.issues).toEqual([{ param: "event", value: "e99-nothing", reason: "unknown", message: 'no event has the id "e99-nothing"' }]);
    });

    it("counts the dataset and lists it in date order (equal starts: the shorter span first)", async () => {
      expect(s.total).toBe(10);
      expect(await s.count(EMPTY_QUERY)).toBe(10);
      expect(await ids(EMPTY_QUERY)).toEqual([
        "e01-month",
        "e04-span",
        "e03-year",
        "e02-founded",
        "e05-online",
        "e06-meeting",
        "e07-forum",
        "e08-paris",
        "e10-year-2025",
        "e09-dakar-day",
      ]);
    });

    it("matches partial dates and spans by overlap with the window", async () => {
      expect(await ids(q({ from: "2016", to: "2016" }))).toEqual(["e04-span", "e03-year", "e02-founded"]);
      expect(await ids(q({ from: "2015-12-25", to: "2015-12-31" }))).toEqual(["e04-span"]);
      expect(await ids(q({ from: "2015-11-30", to: "2015-11-30" }))).toEqual(["e01-month"]);
      expect(await ids(q({ from: "2025-01" }))).toEqual(["e08-paris", "e10-year-2025", "e09-dakar-day"]);
      expect(await ids(q({ to: "2015" }))).toEqual(["e01-month", "e04-span"]);
    });

    it("applies every filter: AND across parameters, OR within one", async () => {
      expect(await ids(q({ city: ["shanghai"] }))).toEqual(["e06-meeting", "e07-forum", "e10-year-2025"]);
      expect(await ids(q({ city: ["dakar", "paris"] }))).toEqual(["e04-span", "e08-paris", "e09-dakar-day"]);
      expect(await ids(q({ country: ["cn"], category: ["founding"] }))).toEqual(["e02-founded", "e10-year-2025"]);
      expect(await ids(q({ org: ["moe"] }))).toEqual(["e04-span", "e05-online", "e10-year-2025"]);
      expect(await ids(q({ unmapped: true }))).toEqual(["e03-year", "e05-online"]);
      expect(await ids(q({ unmapped: true, org: ["moe"] }))).toEqual(["e05-online"]);
      expect(await s.count(q({ city: ["shanghai"], from: "2024" }))).toBe(1);
    });

    it("searches English and Chinese, and suggests a wording for a typo", async () => {
      expect(await ids(q({ q: "shanghai" }))).toEqual(["e06-meeting", "e07-forum", "e10-year-2025"]);
      expect(await ids(q({ q: "上海" }))).toEqual(["e06-meeting", "e07-forum", "e10-year-2025"]);
      expect(await ids(q({ q: "研讨会" }))).toEqual(["e09-dakar-day"]);
      expect(await ids(q({ q: "Giannini" }))).toEqual(["e06-meeting"]);
      expect(await ids(q({ q: "STEM forum" }))).toEqual(["e07-forum"]);
      expect(await s.count(q({ q: "Shanghia" }))).toBe(0);
      expect(await s.suggest(q({ q: "Shanghia" }))).toBe("Shanghai");
      expect(await s.suggest(q({ q: "Shanghia", city: ["dakar"] }))).toBeNull();
      expect(await s.suggest(q({ q: "shanghai" }))).toBeNull();
      // A search is one filter among the others: counts, facets, pins and pages apply it with them.
      expect(await s.count(q({ q: "shanghai", from: "2025" }))).toBe(1);
      const { facets } = await s.facets(q({ q: "shanghai", city: ["dakar"] }));
      expect(Object.fromEntries(facets.find((f) => f.key === "city")!.options.map((o) => [o.id, o.count]))).toEqual({
        shanghai: 3,
        shenzhen: 0,
        dakar: 0,
        paris: 0,
      });
      expect((await s.pins(q({ q: "上海" }))).points.map((p) => [p.placeId, p.count])).toEqual([["shanghai", 3]]);
      expect((await s.rows(q({ q: "workshop" }), { lang: "zh", limit: 5 })).rows.map((r) => r.title)).toEqual(["达喀尔研讨会"]);
    });

    it("counts each facet value under the other filters", async () => {
      const query = q({ country: ["cn"], from: "2016" });
      const { facets, years } = await s.facets(query);
      const counts = Object.fromEntries(facets.map((f) => [f.key, Object.fromEntries(f.options.map((o) => [o.id, o.count]))]));
      expect(counts.category).toEqual({ conference: 2, founding: 2, training: 0 });
      expect(counts.city).toEqual({ shanghai: 3, shenzhen: 1, dakar: 0, paris: 0 });
      expect(counts.country).toEqual({ cn: 4, sn: 2, fr: 1 }); // the span e04 reaches into 2016
      expect(facets.find((f) => f.key === "country")!.options.find((o) => o.id === "cn")!.active).toBe(true);
      expect(years.map((y) => [y.year, y.count])).toEqual([
        ["2015", 1],
        ["2016", 1],
        ["2019", 0],
        ["2023", 2],
        ["2024", 0],
        ["2025", 1],
      ]);
    });

    it("counts pins per place, and the unmapped apart", async () => {
      const { points, unmapped } = await s.pins(EMPTY_QUERY);
      expect(Object.fromEntries(points.map((p) => [p.placeId, p.count]))).toEqual({ shanghai: 3, shenzhen: 2, dakar: 2, paris: 1 });
      expect(points.find((p) => p.placeId === "shanghai")!.certainty).toBeTruthy();
      expect(unmapped).toBe(2);
      expect((await s.pins(q({ city: ["paris"] }))).points.map((p) => p.placeId)).toEqual(["paris"]);
    });

    it("draws the timeline from every filter but time", async () => {
      const timeline = await s.timeline(q({ city: ["shanghai"], from: "2025" }));
      expect(timeline.mode).toBe("events");
      expect(timeline.events.map((e) => e.id)).toEqual(["e06-meeting", "e07-forum", "e10-year-2025"]);
      expect(timeline.extent).toEqual({ startMs: Date.UTC(2023, 6, 2), endMs: periodEnd("2025") + 1 }); // the end exclusive, as the timeline draws
    });

    it("gives the scrub columns of the events matching every filter but time", async () => {
      const bytes = await s.scrubIndex(q({ country: ["cn"], from: "2025" }));
      if (bytes === null) return; // a store may leave scrubbing to density
      const columns = decodeScrubColumns(bytes.buffer);
      expect(columns.count).toBe(5);
      expect([...columns.place]).toEqual([2, 2, 1, 1, 1]); // 1 + each place's position in the data's list
    });

    it("counts per year each year an event touches", async () => {
      expect(Object.fromEntries(await s.yearCounts(q({ category: ["training"] })))).toEqual({ "2015": 1, "2016": 2, "2024": 1, "2025": 1 });
    });

    it("finds an event by id, and none for an unknown id", async () => {
      const found = await s.event("e04-span");
      expect(found).toMatchObject({ id: "e04-span", start: "2015-12-20", end: "2016-01-10", place: "dakar", organizations: ["unesco", "moe"] });
      expect(found!.startMs).toBe(Date.UTC(2015, 11, 20));
      expect(await s.event("nope")).toBeNull();
    });

    it("places an event among the matches, or names the filters that leave it out", async () => {
      expect(await s.neighbours(q({ city: ["shanghai"] }), "e07-forum")).toEqual({
        previous: "e06-meeting",
        next: "e10-year-2025",
        position: 2,
        matched: 3,
        excluding: [],
      });
      const outside = await s.neighbours(q({ city: ["shanghai"], from: "2024" }), "e05-online");
      expect(outside).toMatchObject({ previous: null, next: "e10-year-2025", position: null, matched: 1 });
      expect([...outside.excluding].sort()).toEqual(["city", "time"]);
      expect(await s.neighbours(q({ q: "shanghai", unmapped: true }), "e06-meeting")).toMatchObject({ position: null, matched: 0, excluding: ["unmapped"] });
      expect((await s.neighbours(q({ q: "Dakar" }), "e05-online")).excluding).toEqual(["q"]);
    });

    it("pages through everything by keyset cursor, equal to the whole list", async () => {
      const all = await ids(EMPTY_QUERY);
      for (const limit of [1, 3, 4, 10, 50]) expect(await pagedIds(s, EMPTY_QUERY, limit)).toEqual(all);
      const offset = await s.rows(EMPTY_QUERY, { lang: "zh", limit: 3, offset: 4 });
      expect(offset.rows.map((r) => r.id)).toEqual(all.slice(4, 7));
      expect(offset.rows.find((r) => r.id === "e06-meeting")!.title).toBe("上海会见");
      expect((await s.rows(q({ city: ["atlantis"] }), { lang: "en", limit: 5 })).next).toBeNull();
    });

    it("refuses a cursor it did not write with InvalidCursorError (the API's 400)", async () => {
      const { next } = await s.rows(EMPTY_QUERY, { lang: "en", limit: 2 });
      for (const bad of ["x", next!.slice(0, -3), Buffer.from("[1,2]").toString("base64url")]) {
        await expect(s.rows(EMPTY_QUERY, { lang: "en", limit: 2, after: bad })).rejects.toBeInstanceOf(InvalidCursorError);
      }
    });

    it("streams exports in date order, byte for byte as the records write", async () => {
      const query = q({ from: "2016" });
      const events = await exported(s, query);
      const expected = modelMatch(dataset, query).map((id) => {
        const record = dataset.events.find((e) => e.id === id)!;
        return { ...record, ...spanOf(record) };
      });
      const context: ExportContext = { names: s.names, total: s.total, lang: "zh", site: "https://example.org" };
      const writers = [
        () => csvWriter(context),
        () => jsonWriter(context, expected.length),
        () => geoJsonWriter(context, expected.length),
        () => icsWriter(context, { calendarName: "c", dtstamp: new Date(0) }),
      ];
      for (const writer of writers) expect(writeAll(writer(), events)).toBe(writeAll(writer(), expected));
    });

    it("indexes its source documents and serves their pages", async () => {
      const { coverage, withText } = await s.sourcesIndex();
      expect(coverage.events).toBe(10);
      expect(coverage.unmapped).toBe(2);
      expect(coverage.years).toEqual({ first: 2015, last: 2025 });
      expect(coverage.documents.map((d) => [d.file, d.events, d.only, d.quotes, d.document?.id])).toEqual([["about.txt", 10, 10, 10, "about"]]);
      expect([...withText]).toEqual(["about.txt"]);
      const page = await s.source("about");
      expect(page!.citing).toHaveLength(10);
      expect(page!.citing.filter((c) => c.anchor).length).toBe(10);
      expect(await s.source("nope")).toBeNull();
    });

    it("answers random queries as the reference model does: ids, order, counts, pages, pins, facets", async () => {
      const pickSome = <T>(items: T[]) => fc.subarray(items, { maxLength: 2 });
      const year = fc.option(fc.integer({ min: 2014, max: 2026 }).map(String), { nil: null });
      const queries = fc.record({
        city: pickSome(["shanghai", "shenzhen", "dakar", "paris"]),
        country: pickSome(["cn", "sn", "fr"]),
        category: pickSome(["conference", "founding", "training"]),
        org: pickSome(["unesco", "unesco-ichei", "moe"]),
        unmapped: fc.boolean(),
        from: year,
        to: year,
      });
      await fc.assert(
        fc.asyncProperty(queries, async (patch) => {
          const query = q(patch.from && patch.to && patch.from > patch.to ? { ...patch, from: patch.to, to: patch.from } : patch);
          const expected = modelMatch(dataset, query);
          expect(await ids(query)).toEqual(expected);
          expect(await s.count(query)).toBe(expected.length);
          expect(await pagedIds(s, query, 3)).toEqual(expected);
          const { points, unmapped } = await s.pins(query);
          expect(points.reduce((n, p) => n + p.count, 0) + unmapped).toBe(expected.length);
          const { facets } = await s.facets(query);
          for (const facet of facets)
            for (const option of facet.options.filter((o) => o.active))
              expect(option.count).toBe(modelMatch(dataset, { ...query, [facet.key]: [option.id] }).length);
        }),
        { numRuns: 60 },
      );
    });
  });

  describe(`the store contract at scale: ${name}`, () => {
    let s: StoreSnapshot;
    beforeAll(async () => {
      const base = contractDataset();
      // Many events: too many to draw one by one, so the timeline counts density cells.
      const events = Array.from({ length: 2400 }, (_, i) =>
        event({
          id: `bulk-${String(i).padStart(4, "0")}`,
          start: `${2014 + (i % 12)}-${String(1 + (i % 12)).padStart(2, "0")}`,
          place: i % 3 === 0 ? undefined : base.places[i % 4].id,
          category: base.categories[i % 3].id,
        }),
      );
      s = await (await makeStore({ ...base, events }, SOURCE_TEXTS)).snapshot();
    });

    it("counts density cells, with every event in them", async () => {
      const timeline = await s.timeline(q({ rows: "category" }));
      expect(timeline.mode).toBe("density");
      expect(timeline.events).toEqual([]);
      const cells = timeline.density!.rows.flatMap((row) => row.cells);
      // Each event is counted in every cell its month touches (a week may straddle two months).
      expect(cells.reduce((n, c) => n + c, 0)).toBeGreaterThanOrEqual(2400);
      expect(timeline.density!.rows.map((row) => row.group).sort()).toEqual(["conference", "founding", "training"]);
    });

    it("pages through 2,400 events by cursor, equal to the export stream", async () => {
      const streamed = (await exported(s, EMPTY_QUERY)).map((e) => e.id);
      expect(streamed).toHaveLength(2400);
      expect(await pagedIds(s, EMPTY_QUERY, 500)).toEqual(streamed);
    });
  });
}
