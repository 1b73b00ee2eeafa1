import { describe, expect, it } from "vitest";
import { EMPTY_QUERY, type Query } from "../query/query";
import { parseQuery } from "../query/parse";
import type { Tour } from "./schema";
import type { Neighbours, StoredEvent } from "../data/store";
import { currentStep, isBareStepLink, showsStep, stepHref, stepLine, stepStops, tourVocabulary, withStepView } from "./steps";

const text = (en: string) => ({ en, zh: `${en}（中文）` });
const tour: Tour = {
  id: "demo",
  title: text("Demo"),
  summary: text("A demo tour"),
  steps: [
    {
      id: "one",
      view: "from=2016&to=2016&city=shenzhen",
      title: text("One"),
      body: text("First."),
      events: ["a"],
      sources: [{ document: "d.txt", quote: "q" }],
    },
    {
      id: "two",
      view: "from=2019&to=2020&event=b",
      title: text("Two"),
      body: text("Second."),
      events: ["b"],
      sources: [{ document: "d.txt", quote: "q" }],
    },
  ],
};
const vocabulary = {
  city: new Set(["shenzhen"]),
  country: new Set<string>(),
  category: new Set<string>(),
  org: new Set<string>(),
  event: new Set(["a", "b"]),
};

describe("tour steps as links", () => {
  it("writes each step as its view with the tour and step named, in the reader's language", () => {
    expect(stepHref(tour, tour.steps[1], "zh", vocabulary)).toBe("/?from=2019&to=2020&event=b&lang=zh&tour=demo&step=two");
    const back = parseQuery(new URLSearchParams(stepHref(tour, tour.steps[0], "en", vocabulary).slice(2)), {
      ...vocabulary,
      tours: tourVocabulary([tour]),
    });
    expect(back.issues).toEqual([]);
    expect(back.query).toMatchObject({ from: "2016", to: "2016", city: ["shenzhen"], tour: "demo", step: "one" });
  });

  it("shows a bare step link as the step's view, keeping the reader's language", () => {
    const params = new URLSearchParams("tour=demo&step=two&lang=zh");
    expect(isBareStepLink(params)).toBe(true);
    expect(isBareStepLink(new URLSearchParams("tour=demo&step=two&city=shenzhen"))).toBe(false);
    const query = withStepView(parseQuery(params).query, tour.steps[1], vocabulary);
    expect(query).toMatchObject({ from: "2019", to: "2020", event: "b", lang: "zh", tour: "demo", step: "two" });
  });

  it("opens a tour named alone at its first step", () => {
    expect(currentStep([tour], { tour: "demo", step: null })?.step.id).toBe("one");
    expect(currentStep([tour], { tour: "demo", step: "two" })?.index).toBe(1);
    expect(currentStep([tour], { tour: "nope", step: null })).toBeNull();
  });

  it("knows when the view has left the step's", () => {
    const onStep = withStepView({ ...EMPTY_QUERY, tour: "demo" }, tour.steps[0], vocabulary);
    expect(showsStep(onStep, tour.steps[0], vocabulary)).toBe(true);
    expect(showsStep({ ...onStep, city: [] }, tour.steps[0], vocabulary)).toBe(false);
  });
});

describe("the line between steps", () => {
  const places: Record<string, { id: string; lat: number; lon: number }> = {
    a: { id: "shenzhen", lat: 22.5, lon: 114.1 },
    b: { id: "paris", lat: 48.9, lon: 2.35 },
  };
  const placeOf = async (id: string) => places[id] ?? null;
  it("runs from the previous step's place to this one's", async () => {
    expect(await stepLine(currentStep([tour], { tour: "demo", step: "two" })!, placeOf)).toEqual([
      [22.5, 114.1],
      [48.9, 2.35],
    ]);
  });
  it("is none on the first step, or where a step has no place", async () => {
    expect(await stepLine(currentStep([tour], { tour: "demo", step: "one" })!, placeOf)).toBeNull();
    expect(await stepLine(currentStep([tour], { tour: "demo", step: "two" })!, async () => null)).toBeNull();
  });
});

describe("stepStops", () => {
  const day = (iso: string) => Date.parse(iso);
  const events: Record<string, Partial<StoredEvent>> = {
    a: { place: "shenzhen", startMs: day("2016-06-08"), endMs: day("2016-06-08") },
    b: { startMs: day("2016-11-12"), endMs: day("2016-11-12") }, // online: no pin to ring
    c: { place: "shanghai", startMs: day("2017-01-01"), endMs: day("2017-12-31") }, // left out by the view's filters
  };
  const step = { ...tour.steps[0], events: ["a", "b", "c"] };
  const current = { tour: { ...tour, steps: [step] }, step, index: 0 };
  const asked: { from: string | null; to: string | null }[] = [];
  const store = {
    event: async (id: string) => (events[id] ?? null) as StoredEvent | null,
    neighbours: async (query: Query, id: string) => {
      asked.push({ from: query.from, to: query.to });
      return { position: id === "c" ? null : 0 } as Neighbours;
    },
  };

  it("gives the step's mapped events that the view's other filters keep, with their places and spans", async () => {
    const query = { ...EMPTY_QUERY, from: "2016", to: "2016", city: ["shenzhen"] };
    expect(await stepStops(current, query, store)).toEqual([{ placeId: "shenzhen", startMs: day("2016-06-08"), endMs: day("2016-06-08") }]);
    // Time is left to the window the map shows (the URL's, a drag's, a playback frame's).
    expect(asked.every((q) => q.from === null && q.to === null)).toBe(true);
  });
});
