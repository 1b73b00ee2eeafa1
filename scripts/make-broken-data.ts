// `tsx scripts/make-broken-data.ts <out-dir>`: the bundled dataset with named mistakes in it, for the
// browser tests of refusal (e2e/broken-data.spec.ts). Made from data/ on every run, so it follows the
// real dataset and its schema instead of being a hand-kept copy that drifts from them.
import { cp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Event } from "../lib/data/schema";

export interface Mutation {
  name: string;
  /** The event edited: one the real dataset has, named by id, which the problem message names too. */
  event: string;
  apply(event: Event): Event;
  /** The problem `check:data` must report for it, as `file › record › field: message` begins. */
  problem: string;
}

/** Exactly the mistakes the refusal tests expect to see named, each one problem. */
export const MUTATIONS: Mutation[] = [
  {
    name: "an event at a place the dataset does not have",
    event: "2015-05-funds-in-trust-agreement",
    apply: (event) => ({ ...event, place: "atlantis", placeCertainty: "stated" }),
    problem: 'events.json › 2015-05-funds-in-trust-agreement › place: unknown place "atlantis"',
  },
  {
    name: "a start date with a thirteenth month",
    event: "2015-11-13-ichei-approved-general-conference",
    apply: (event) => ({ ...event, start: "2016-13" }),
    problem: "events.json › 2015-11-13-ichei-approved-general-conference › start: must be YYYY, YYYY-MM or YYYY-MM-DD",
  },
];

/** Copies `from` (the whole data folder, sources included) to `to`, replaced, with every mutation applied. */
export async function makeBrokenData(from: string, to: string, mutations: Mutation[] = MUTATIONS): Promise<void> {
  if (path.resolve(from) === path.resolve(to)) throw new Error("refusing to break the dataset in place");
  await rm(to, { recursive: true, force: true });
  await cp(from, to, { recursive: true });
  const file = path.join(to, "events.json");
  const events = JSON.parse(await readFile(file, "utf8")) as Event[];
  for (const mutation of mutations) {
    const at = events.findIndex((event) => event.id === mutation.event);
    if (at === -1) throw new Error(`mutation "${mutation.name}": no event ${mutation.event} in ${from}`);
    events[at] = mutation.apply(events[at]);
  }
  await writeFile(file, `${JSON.stringify(events, null, 2)}\n`);
}

if (process.argv[1]?.endsWith("make-broken-data.ts")) {
  const [out] = process.argv.slice(2);
  if (!out) {
    console.error("usage: tsx scripts/make-broken-data.ts <out-dir>");
    process.exit(2);
  }
  await makeBrokenData("data", out);
  console.log(`${out}: data/ with ${MUTATIONS.map((m) => m.name).join("; ")}`);
}
