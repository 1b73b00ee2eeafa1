import { memoryStore } from "./memory-store";
import { indexDataset, type Dataset } from "./dataset";
import type { Event } from "./schema";

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
  return memoryStore(fixtureIndex(), version);
}
