import "server-only";
import { memorySnapshot } from "./memory-store";
import { indexDataset, type Dataset } from "./dataset";
import type { Event, SourceDocument } from "./schema";

// The unit tests' datasets, independent of data/*.json so that editing the real data breaks no unit
// test. Two datasets for two kinds of test: the filter, query and facet tests count matches over
// events at every date precision; the export tests check escaping and field rendering over records
// that fill every optional field with awkward text. Merging them would change both sets of counts.

/** A small dataset for unit tests: a few places, and events at every date precision. */
export function fixtureDataset(): Dataset {
  const event = (e: Partial<Event> & Pick<Event, "id" | "start">): Event => ({
    title: e.id,
    summary: "A test event.",
    ...(e.place ? { placeCertainty: "stated" as const } : {}),
    category: "conference",
    organizations: ["unesco"],
    sources: [{ document: "doc.txt", quote: "a quote" }],
    ...e,
  });
  return {
    places: [
      { id: "shanghai", name: "Shanghai", nameZh: "上海", country: "cn", lat: 31.23, lon: 121.47 },
      { id: "shenzhen", name: "Shenzhen", nameZh: "深圳", country: "cn", lat: 22.54, lon: 114.06 },
      { id: "dakar", name: "Dakar", nameZh: "达喀尔", country: "sn", lat: 14.72, lon: -17.47 },
    ],
    organizations: [
      { id: "unesco", name: "UNESCO", nameZh: "联合国教科文组织" },
      { id: "unesco-ichei", name: "UNESCO-ICHEI" },
    ],
    categories: [
      { id: "conference", name: "Conference" },
      { id: "founding", name: "Founding" },
    ],
    events: [
      event({ id: "2015-11-month", start: "2015-11", place: "shenzhen", organizations: ["unesco-ichei"] }),
      event({ id: "2016-06-08-founded", start: "2016-06-08", place: "shenzhen", category: "founding", title: "Centre founded" }),
      event({ id: "2022-year", start: "2022", organizations: [] }),
      event({ id: "2023-07-02-meeting", start: "2023-07-02", place: "shanghai", people: ["Stefania Giannini"], titleZh: "上海会见", titleZhSource: "translation" }),
      event({ id: "2024-12-13-dakar", start: "2024-12-13", place: "dakar", summary: "Dialogue on STEM in Africa." }),
      event({ id: "2025-10-13-span", start: "2025-10-13", end: "2025-10-15", place: "shanghai" }),
    ],
  };
}

export const fixtureIndex = () => indexDataset(fixtureDataset());

/** The fixture dataset behind the store interface the routes use. */
export function fixtureStore(version = "test-version") {
  return memorySnapshot(fixtureIndex(), version);
}

/**
 * Records for the export tests (CSV, GeoJSON, iCalendar): every optional field filled, text with
 * quotes, newlines and a leading "=" or "-" (spreadsheet formulas), figures with qualifiers, an
 * online event and one with a year only. `sources` lists some of its documents.
 */
export function exportFixtureIndex(extra: Event[] = [], sources?: SourceDocument[]) {
  const dataset: Dataset = {
    places: [
      { id: "beijing", name: "Beijing", nameZh: "北京", country: "cn", lat: 39.9042, lon: 116.4074 },
      { id: "lima", name: "Lima", nameZh: "利马", country: "pe", lat: -12.0464, lon: -77.0428 },
    ],
    organizations: [
      { id: "unesco", name: "UNESCO", nameZh: "联合国教科文组织" },
      { id: "moe", name: "Ministry of Education, PRC" },
    ],
    categories: [
      { id: "founding", name: "Founding" },
      { id: "conference", name: "Conference, forum" },
    ],
    events: [
      {
        id: "2016-06-08-ichei-founded",
        title: "ICHEI founded",
        titleZh: "联合国教科文组织高等教育创新中心成立",
        titleZhSource: "translation",
        summary: 'The centre, "ICHEI", opens in Shenzhen; a first step, with partners.\nSecond line.',
        start: "2016-06-08",
        place: "beijing",
        placeCertainty: "stated",
        category: "founding",
        organizations: ["unesco", "moe"],
        people: ["Irina Bokova", "Li Wei"],
        figures: { participants: { value: 300 }, countriesAndRegions: { value: 12, qualifier: "about" } },
        sources: [
          { document: "seed-a.md", quote: "was founded on 8 June 2016" },
          { document: "seed-b.md", quote: "ICHEI, in Shenzhen" },
        ],
      },
      {
        id: "2025-10-13-forum",
        title: "Forum in Lima",
        summary: "A three-day forum.",
        start: "2025-10-13",
        end: "2025-10-15",
        dateCertainty: "inferred",
        place: "lima",
        placeCertainty: "inferred",
        category: "conference",
        organizations: ["unesco"],
        sources: [{ document: "seed-c.md", quote: "13–15 October 2025" }],
      },
      {
        id: "2015-05-online-dialogue",
        title: "Online dialogue",
        summary: "Held online.",
        start: "2015-05",
        online: true,
        category: "conference",
        organizations: [],
        sources: [{ document: "seed-d.md", quote: "in May 2015" }],
      },
      {
        id: "2022-report",
        title: "=Report published",
        summary: "-A report.",
        start: "2022",
        category: "founding",
        organizations: ["unesco"],
        sources: [{ document: "seed-e.md", quote: "in 2022" }],
      },
      ...extra,
    ],
    ...(sources ? { sources } : {}),
  };
  return indexDataset(dataset);
}
