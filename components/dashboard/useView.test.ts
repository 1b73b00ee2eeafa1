import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { withNuqsTestingAdapter } from "nuqs/adapters/testing";
import { describe, expect, it, vi } from "vitest";
import { fixtureIndex } from "@/lib/data/test-fixtures";
import { type Query } from "@/lib/query/query";
import { ignoredValues, parseQuery } from "@/lib/query/parse";
import { vocabularyOf } from "@/lib/data/vocabulary";
import { useView, type ChangeKind } from "./useView";

// A server render has no transitions; the hook's writes are what is tested here, not React's scheduling.
vi.mock("react", async (original) => ({
  ...(await original<typeof import("react")>()),
  useTransition: () => [false, (run: () => void) => run()],
}));

const vocabulary = vocabularyOf(fixtureIndex());

/** Opens `search` as the page does (the server parses it), then clicks: the URL nuqs writes. */
async function clickAfterOpening(search: string, patch: Partial<Query>, how?: ChangeKind): Promise<string[]> {
  const params = new URLSearchParams(search);
  const { query } = parseQuery(params, vocabulary);
  const written: string[] = [];
  let view: ReturnType<typeof useView> | undefined;
  function Probe() {
    view = useView(query, ignoredValues(params, query));
    return null;
  }
  renderToString(
    withNuqsTestingAdapter({ searchParams: search, onUrlUpdate: (e) => written.push(e.queryString) })({ children: createElement(Probe) }),
  );
  view!.setView(patch, how);
  await vi.waitFor(() => expect(written).not.toHaveLength(0));
  return written;
}

describe("a click after a link with values the page set aside", () => {
  it("drops an unknown place along with its notice", async () => {
    expect(await clickAfterOpening("?city=atlantis", { category: ["conference"] })).toEqual(["?category=conference"]);
  });

  it("keeps the known values and drops the unknown ones of the same parameter", async () => {
    expect(await clickAfterOpening("?city=atlantis,shanghai&q=x", { event: "e1" })).toEqual(["?city=shanghai&q=x&event=e1"]);
  });

  it("writes a window written end first the right way round, and drops a value of no known form", async () => {
    expect(await clickAfterOpening("?from=2025&to=2019&map=1,2", { q: "stem" })).toEqual(["?from=2019&to=2025&q=stem"]);
  });

  it("leaves a clean link as it is but for the change", async () => {
    expect(await clickAfterOpening("?city=shanghai&lang=zh", { city: [] })).toEqual(["?lang=zh"]);
  });
});
