import { describe, expect, it } from "vitest";
import { readDatasetDir } from "../data/read-dataset";
import { indexDataset } from "../data/dataset";
import { eventSchema, type Event } from "../data/schema";
import { exportFixtureIndex } from "../data/test-fixtures";
import { toCsv } from "../export/csv";
import { inferredDateParts } from "../sources/certainty";
import { importFiles, type ImportOptions } from "./import";
import { describeDocuments } from "./documents";

/**
 * An event as the CSV carries it: the certainties written out (the dataset may leave "stated" and
 * a year-only inference implicit), `online` only when true, keys in one order.
 */
function normalise(indexed: Event): string {
  // Only the dataset's fields (an indexed event carries the index's too).
  const event = Object.fromEntries(
    Object.keys(eventSchema.shape).flatMap((k) => (k in indexed ? [[k, indexed[k as keyof Event]]] : [])),
  ) as Event;
  const inferred = inferredDateParts(event);
  const { online, dateInferred: _d, ...rest } = event;
  const full: Record<string, unknown> = {
    ...rest,
    dateCertainty: event.dateCertainty ?? "stated",
    ...(inferred.length > 0 ? { dateInferred: inferred } : {}),
    ...(online ? { online } : {}),
  };
  return JSON.stringify(Object.fromEntries(Object.entries(full).sort(([a], [b]) => a.localeCompare(b))));
}

async function roundTrip(events: Event[], csv: string, options: ImportOptions = {}) {
  const { dataset, problems } = await importFiles([{ name: "events.csv", bytes: new TextEncoder().encode(csv) }], options);
  expect(problems).toEqual([]);
  const back = new Map(dataset!.events.map((e) => [e.id, normalise(e)]));
  expect(back.size).toBe(events.length);
  for (const event of events) expect(back.get(event.id), event.id).toBe(normalise(event));
  return dataset!;
}

describe("export → import", () => {
  it("gives back the bundled dataset's events, byte for byte after normalising", async () => {
    const { dataset } = await readDatasetDir("data");
    const index = indexDataset(dataset!);
    const imported = await roundTrip(dataset!.events, toCsv(index.events, index));
    // Places come back whole from the rows' place columns.
    const placesUsed = new Set(dataset!.events.map((e) => e.place).filter(Boolean));
    expect(imported.places.map((p) => p.id).sort()).toEqual(
      dataset!.places
        .filter((p) => placesUsed.has(p.id))
        .map((p) => p.id)
        .sort(),
    );
    for (const place of imported.places) expect(place).toEqual(dataset!.places.find((p) => p.id === place.id));
  });

  it("gives back the bundled sources.json, every quote found in its document, when given the documents", async () => {
    const { dataset, sourceTexts } = await readDatasetDir("data");
    const index = indexDataset(dataset!);
    const documents = describeDocuments(
      [...sourceTexts].map(([file, text]) => ({ file, text })),
      dataset!.sources,
    );
    const imported = await roundTrip(dataset!.events, toCsv(index.events, index), { documents });
    expect(imported.sources).toEqual(dataset!.sources);
  });

  it("keeps every optional field and escaped text of the export's fixtures, in Chinese exports too", async () => {
    const index = exportFixtureIndex();
    await roundTrip(index.events, toCsv(index.events, index));
    await roundTrip(index.events, toCsv(index.events, index, "zh"));
  });
});
