import { describe, expect, it } from "vitest";
import { indexDataset } from "../data/dataset";
import { fixtureDataset } from "../data/test-fixtures";
import { formatProblem } from "../data/validate";
import { validateTour } from "./validate";

// The unit fixture's dataset, with one listed document whose text the tour below quotes.
const dataset = {
  ...fixtureDataset(),
  sources: [{ id: "doc", file: "doc.txt", title: "A document", titleSource: "supplied" as const, language: ["en"] }],
};
const index = indexDataset(dataset, new Map([["doc.txt", "The centre was founded in Shenzhen in 2016. A dialogue was held in Dakar."]]));

const step = (id: string, view: string, events: string[], quote = "founded in Shenzhen") => ({
  id,
  view,
  title: { en: `Step ${id}`, zh: `第${id}步` },
  body: { en: "What the source says.", zh: "资料所述。" },
  events,
  sources: [{ document: "doc.txt", quote }],
});

function fixtureTour() {
  return {
    id: "story",
    title: { en: "A story", zh: "一个故事" },
    summary: { en: "Two steps.", zh: "两步。" },
    steps: [
      step("founding", "city=shenzhen&from=2016&to=2016&event=2016-06-08-founded", ["2016-06-08-founded"]),
      step("dakar", "country=sn&from=2024", ["2024-12-13-dakar"], "held in Dakar"),
    ],
  };
}

/** The problems of the fixture tour with one change applied, as check:data prints them. */
function problemsAfter(change: (tour: any) => void, name = "story.json"): string[] {
  const tour = fixtureTour();
  change(tour);
  return validateTour({ name, raw: tour }, index).problems.map(formatProblem);
}

describe("validateTour", () => {
  it("accepts the fixture tour", () => {
    expect(validateTour({ name: "story.json", raw: fixtureTour() }, index)).toEqual({ tour: fixtureTour(), problems: [] });
  });

  it("names an unknown event in a step", () => {
    expect(problemsAfter((t) => t.steps[1].events.push("2099-nothing"))).toEqual([
      'tours/story.json › steps[1] › events.1: unknown event "2099-nothing" (not in events.json)',
    ]);
  });

  it("names an unknown place, category or organization in a view, as the URL parsers read it", () => {
    expect(problemsAfter((t) => (t.steps[0].view = "city=atlantis&event=2016-06-08-founded"))).toEqual([
      "tours/story.json › steps[0] › view: unknown or malformed city value(s): atlantis; expected comma-separated place ids",
    ]);
    expect(problemsAfter((t) => (t.steps[1].view = "category=party&org=nobody"))).toEqual([
      "tours/story.json › steps[1] › view: unknown or malformed category value(s): party; expected comma-separated category ids",
      "tours/story.json › steps[1] › view: unknown or malformed org value(s): nobody; expected comma-separated organization ids",
    ]);
  });

  it("names a view the parsers reject: a malformed date, an unknown event, a misspelt parameter, a language", () => {
    expect(problemsAfter((t) => (t.steps[1].view = "from=2024-13"))).toEqual([
      "tours/story.json › steps[1] › view: invalid from; expected YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date)",
    ]);
    expect(problemsAfter((t) => (t.steps[1].view = "event=2099-nothing"))).toEqual([
      'tours/story.json › steps[1] › view: no event has the id "2099-nothing"',
    ]);
    expect(problemsAfter((t) => (t.steps[1].view = "cty=dakar"))).toEqual([
      'tours/story.json › steps[1] › view: unknown parameter "cty" (the dashboard ignores it)',
    ]);
    expect(problemsAfter((t) => (t.steps[1].view = "lang=zh"))).toEqual([
      "tours/story.json › steps[1] › view: the language is the reader's choice: leave lang out of a tour's view",
    ]);
    expect(problemsAfter((t) => (t.steps[1].view = "ui=map"))).toEqual([
      "tours/story.json › steps[1] › view: ui is an embed's own parameter (which parts a frame shows): leave it out of a tour's view",
    ]);
  });

  it("names a view that opens an event the step is not about, or hides one it is about", () => {
    expect(problemsAfter((t) => (t.steps[1].view = "event=2016-06-08-founded"))).toEqual([
      'tours/story.json › steps[1] › view: opens event "2016-06-08-founded", which is not among the step\'s events',
    ]);
    expect(problemsAfter((t) => (t.steps[0].view = "city=shanghai&from=2020"))).toEqual([
      'tours/story.json › steps[0] › events.0: "2016-06-08-founded" is not in the step\'s view (left out by time, city)',
    ]);
  });

  it("names a duplicate step id", () => {
    expect(problemsAfter((t) => (t.steps[1].id = "founding"))).toEqual([
      'tours/story.json › steps[1] › id: duplicate step id "founding" (also steps[0])',
    ]);
  });

  it("names a missing or empty translation, in a step or in the tour", () => {
    expect(problemsAfter((t) => delete t.steps[1].title.zh)).toEqual([
      "tours/story.json › steps[1] › title.zh: missing the Chinese (zh) text",
    ]);
    expect(problemsAfter((t) => (t.steps[0].body.en = "  "))).toEqual([
      "tours/story.json › steps[0] › body.en: the English (en) text is empty",
    ]);
    expect(problemsAfter((t) => delete t.summary.zh)).toEqual(["tours/story.json › (tour) › summary.zh: missing the Chinese (zh) text"]);
  });

  it("checks quotes word for word against their documents, as events' quotes are", () => {
    expect(problemsAfter((t) => (t.steps[0].sources[0].quote = "founded in Shanghai"))).toEqual([
      "tours/story.json › steps[0] › sources.0.quote: not found verbatim in sources/doc.txt",
    ]);
    expect(problemsAfter((t) => (t.steps[0].sources[0].document = "other.txt"))).toEqual([
      'tours/story.json › steps[0] › sources.0.document: unknown document "other.txt" (not in sources.json)',
    ]);
  });

  it("needs the tour's id to be its file's name", () => {
    expect(problemsAfter(() => {}, "tale.json")).toEqual([
      `tours/tale.json › (tour) › id: "story" is not the file's name: the tour in tale.json has the id "tale"`,
    ]);
  });

  it("reports every step's problems at once: a missing translation in one hides nothing in another", () => {
    expect(
      problemsAfter((t) => {
        delete t.title.en;
        delete t.steps[0].body.zh;
        t.steps[1].events = ["2099-nothing"];
      }),
    ).toEqual([
      "tours/story.json › (tour) › title.en: missing the English (en) text",
      "tours/story.json › steps[0] › body.zh: missing the Chinese (zh) text",
      'tours/story.json › steps[1] › events.0: unknown event "2099-nothing" (not in events.json)',
    ]);
  });

  it("leaves quotes unchecked for a dataset without sources.json, as it does events' quotes", () => {
    const tour = fixtureTour();
    tour.steps[0].sources[0].quote = "in no document";
    expect(validateTour({ name: "story.json", raw: tour }, indexDataset(fixtureDataset())).problems).toEqual([]);
  });

  it("refuses a tour without steps, and a step without events or sources", () => {
    expect(problemsAfter((t) => (t.steps = []))).toEqual(["tours/story.json › (tour) › steps: needs at least one step"]);
    expect(
      problemsAfter((t) => {
        t.steps[0].events = [];
        t.steps[0].sources = [];
      }),
    ).toEqual([
      "tours/story.json › steps[0] › events: names at least one event",
      "tours/story.json › steps[0] › sources: needs at least one source",
    ]);
  });
});
