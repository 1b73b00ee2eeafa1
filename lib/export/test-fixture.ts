import { indexDataset, type Dataset } from "../dataset";
import type { Event, SourceDocument } from "../schema";

/** A tiny in-test dataset, independent of data/*.json; `sources` lists some of its documents. */
export function fixtureIndex(extra: Event[] = [], sources?: SourceDocument[]) {
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
