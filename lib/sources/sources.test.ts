import { describe, expect, it } from "vitest";
import { indexDataset } from "../data/dataset";
import type { Event } from "../data/schema";
import { documentTitle, findQuote, quoteAnchor, quoteHref, quoteLink, quoteSpans, segmentParagraphs, sourcePage } from "./sources";
import { fixtureDataset } from "../data/test-fixtures";

const TEXT =
  "Milestones\nOn June 8 the centre was founded in Shenzhen.\n\nIt opened a classroom in Lahore.\nOn June 8 the centre was founded in Shenzhen.";
const event = (id: string, quotes: string[], document = "doc.txt"): Pick<Event, "id" | "sources"> => ({
  id,
  sources: quotes.map((quote) => ({ document, quote })),
});

/** The paragraphs as strings, quoted runs in [brackets] with their anchors: easy to read in a failure. */
function render(text: string, events: Pick<Event, "id" | "sources">[]): string[] {
  return segmentParagraphs(text, quoteSpans(events, "doc.txt", text)).map((segments) =>
    segments.map((s) => (s.quotes.length ? `[${s.starts.map((q) => q.anchor + ":").join("")}${s.text}]` : s.text)).join(""),
  );
}

describe("anchors and links", () => {
  it("numbers an event's quotes from 1 and marks repeats, never colliding across events", () => {
    expect(quoteAnchor("2016-06-08-founded", 0)).toBe("q-2016-06-08-founded--1");
    expect(quoteAnchor("2016-06-08-founded", 1, 1)).toBe("q-2016-06-08-founded--2--2");
    // event "a-1" quote 2 and event "a" quote 1, occurrence 2 must differ
    expect(quoteAnchor("a-1", 1)).not.toBe(quoteAnchor("a", 0, 1));
  });

  it("links a quote to its passage on the document's page", () => {
    expect(quoteHref("ichei-about-us", "2016-06-08-founded", 0)).toBe("/sources/ichei-about-us#q-2016-06-08-founded--1");
  });
});

describe("findQuote and quoteSpans", () => {
  it("finds every occurrence, and nothing for a changed quote", () => {
    const quote = "the centre was founded";
    expect(findQuote(TEXT, quote)).toEqual([TEXT.indexOf(quote), TEXT.lastIndexOf(quote)]);
    expect(TEXT.indexOf(quote)).not.toBe(TEXT.lastIndexOf(quote));
    expect(findQuote(TEXT, "the centre was established")).toEqual([]);
  });

  it("lists spans in text order, each occurrence with its own anchor", () => {
    const spans = quoteSpans([event("b", ["classroom in Lahore"]), event("a", ["founded in Shenzhen"])], "doc.txt", TEXT);
    expect(spans.map((s) => [s.anchor, TEXT.slice(s.start, s.end)])).toEqual([
      ["q-a--1", "founded in Shenzhen"],
      ["q-b--1", "classroom in Lahore"],
      ["q-a--1--2", "founded in Shenzhen"],
    ]);
  });

  it("ignores quotes from other documents", () => {
    expect(quoteSpans([event("a", ["Milestones"], "other.txt")], "doc.txt", TEXT)).toEqual([]);
  });
});

describe("segmentParagraphs", () => {
  it("keeps non-blank lines as paragraphs and marks the quoted runs", () => {
    expect(render(TEXT, [event("a", ["founded in Shenzhen"])])).toEqual([
      "Milestones",
      "On June 8 the centre was [q-a--1:founded in Shenzhen].",
      "It opened a classroom in Lahore.",
      "On June 8 the centre was [q-a--1--2:founded in Shenzhen].",
    ]);
  });

  it("cuts overlapping quotes into runs that each know every quote over them", () => {
    const text = "The centre was founded in Shenzhen.";
    const spans = quoteSpans([event("a", ["centre was founded"]), event("b", ["founded in Shenzhen"])], "doc.txt", text);
    const [segments] = segmentParagraphs(text, spans);
    expect(segments.map((s) => [s.text, s.quotes.map((q) => q.eventId).join("+"), s.starts.map((q) => q.eventId).join("+")])).toEqual([
      ["The ", "", ""],
      ["centre was ", "a", "a"],
      ["founded", "a+b", "b"],
      [" in Shenzhen", "b", ""],
      [".", "", ""],
    ]);
  });

  it("anchors a quote running across lines only where it begins", () => {
    expect(render("one two\nthree four", [event("a", ["two\nthree"])])).toEqual(["one [q-a--1:two]", "[three] four"]);
  });

  it("loses no text: the segments put back together are the document's lines", () => {
    const lines = segmentParagraphs(TEXT, quoteSpans([event("a", ["June 8", "founded in"])], "doc.txt", TEXT)).map((p) =>
      p.map((s) => s.text).join(""),
    );
    expect(lines).toEqual(TEXT.split("\n").filter((l) => l.trim()));
  });
});

describe("documents in an index", () => {
  const data = fixtureDataset();
  for (const e of data.events) e.sources = [{ document: "elsewhere.txt", quote: "a quote" }];
  data.sources = [{ id: "doc", file: "doc.txt", title: "A test document", titleSource: "supplied", language: ["en"] }];
  data.events[0].sources = [
    { document: "doc.txt", quote: "founded in Shenzhen" },
    { document: "unlisted.txt", quote: "x" },
  ];
  data.events[1].sources = [{ document: "doc.txt", quote: "not in the text" }];
  const index = indexDataset(data, new Map([["doc.txt", TEXT]]));

  it("names a cited document by its title, or by its file name when it is not listed", () => {
    expect(documentTitle(index, "doc.txt")).toBe("A test document");
    expect(documentTitle(index, "unlisted.txt")).toBe("unlisted.txt");
    expect(quoteLink(index, data.events[0], 0)).toEqual({ href: "/sources/doc#q-2015-11-month--1", title: "A test document" });
    expect(quoteLink(index, data.events[0], 1)).toBeNull();
  });

  it("builds a document's page: paragraphs, and every citing quote with its anchor or none", () => {
    const page = sourcePage(index, "doc")!;
    expect(page.document.title).toBe("A test document");
    expect(page.paragraphs).toHaveLength(4);
    expect(page.citing.map((c) => [c.eventId, c.anchor])).toEqual([
      ["2015-11-month", "q-2015-11-month--1"],
      ["2016-06-08-founded", null],
    ]);
  });

  it("has no page for an unknown id, or for a listed document whose text is not loaded", () => {
    expect(sourcePage(index, "nope")).toBeNull();
    expect(sourcePage(indexDataset(data), "doc")).toBeNull();
  });
});
