// Builds a large synthetic dataset from the real places, organizations and categories, for benchmarks.
// It writes no sources.json: its quotes cite "synthetic.txt", which the loader then leaves unchecked.
import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { once } from "node:events";
import path from "node:path";
import type { Dataset } from "../lib/data/dataset";
import type { Event } from "../lib/data/schema";

function random(seed: number) {
  return () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** The real reference files the synthetic events name. */
function referencesOf(dataDir: string): Omit<Dataset, "events"> {
  const read = (file: string) => JSON.parse(readFileSync(path.join(dataDir, file), "utf8"));
  return { places: read("places.json"), organizations: read("organizations.json"), categories: read("categories.json") };
}

/** The synthetic events one at a time (the same ones for the same count): a file of any length can be written from them. */
export function* syntheticEvents(count: number, base: Omit<Dataset, "events">): Generator<Event> {
  const rnd = random(42);
  const pick = <T>(items: T[]) => items[Math.floor(rnd() * items.length)];
  const pad = (n: number) => String(n).padStart(2, "0");
  for (let i = 0; i < count; i++) {
    const y = 2014 + Math.floor(rnd() * 12);
    const m = 1 + Math.floor(rnd() * 12);
    const d = 1 + Math.floor(rnd() * 28);
    const precision = rnd();
    const start = precision < 0.1 ? `${y}` : precision < 0.3 ? `${y}-${pad(m)}` : `${y}-${pad(m)}-${pad(d)}`;
    const mapped = rnd() < 0.6;
    yield {
      id: `synthetic-${i}`,
      title: `Synthetic event ${i} on ${pick(["STEM", "digital learning", "teacher education", "higher education"])}`,
      summary: "A generated event for measuring speed.",
      start,
      ...(start.length === 10 && rnd() < 0.2 ? { end: `${y}-${pad(m)}-${pad(Math.min(28, d + 2))}` } : {}),
      ...(mapped ? { place: pick(base.places).id, placeCertainty: "stated" as const } : {}),
      category: pick(base.categories).id,
      organizations: [pick(base.organizations).id, pick(base.organizations).id].filter((v, j, a) => a.indexOf(v) === j),
      sources: [{ document: "synthetic.txt", quote: "generated" }],
    };
  }
}

export function syntheticDataset(count: number, dataDir = "data"): Dataset {
  const base = referencesOf(dataDir);
  return { ...base, events: [...syntheticEvents(count, base)] };
}

/**
 * Writes a synthetic data folder of `count` events: events.json is written as the events are made,
 * so 10⁷ events (~3.5 GB of JSON) need no more memory than ten.
 */
export async function writeSyntheticFolder(count: number, out: string, dataDir = "data"): Promise<void> {
  const base = referencesOf(dataDir);
  mkdirSync(out, { recursive: true });
  for (const [name, value] of Object.entries(base)) writeFileSync(path.join(out, `${name}.json`), JSON.stringify(value));
  const file = createWriteStream(path.join(out, "events.json"));
  let chunk = "[";
  let first = true;
  for (const event of syntheticEvents(count, base)) {
    chunk += (first ? "" : ",") + JSON.stringify(event);
    first = false;
    if (chunk.length > 1 << 20) {
      if (!file.write(chunk)) await once(file, "drain");
      chunk = "";
    }
  }
  file.end(chunk + "]");
  await once(file, "finish");
}

/** `tsx scripts/synthetic-data.ts 100000 /tmp/events-100k` writes a data folder for EVENTS_DATA_DIR or db:load. */
if (process.argv[1]?.endsWith("synthetic-data.ts")) {
  const [count = "10000", out = `/tmp/events-${process.argv[2] ?? "10000"}`] = process.argv.slice(2);
  await writeSyntheticFolder(Number(count), out);
  console.log(`wrote ${Number(count)} events to ${out}`);
}
