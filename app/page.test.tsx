import { beforeEach, describe, expect, it, vi } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { fixtureStore } from "@/lib/data/test-fixtures";
import { StoreUnavailableError } from "@/lib/data/store-errors";
import { UNAVAILABLE_MARK } from "@/lib/data-version/data-version.mjs";

// What Next gives a request: one React cache per request (emulated here, as React keeps it only inside a
// server render), the request's headers, and the process's store.
const requestCache = new Map<string, unknown>();
vi.mock("react", async (original) => ({
  ...(await original<typeof import("react")>()),
  cache:
    <A extends unknown[], R>(fn: (...args: A) => R) =>
    (...args: A): R => {
      const key = JSON.stringify([fn.toString(), args]);
      if (!requestCache.has(key)) requestCache.set(key, fn(...args));
      return requestCache.get(key) as R;
    },
}));
vi.mock("server-only", () => ({}));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "localhost:3000" }) }));
const store = fixtureStore();
// Every view asks its count once: the count being asked once per request means the view was built once.
const match = vi.spyOn(store, "count");
vi.mock("@/lib/data/store", async (original) => ({
  ...(await original<typeof import("@/lib/data/store")>()),
  openSnapshot: async () => store,
}));
const parse = vi.hoisted(() => ({ calls: 0 }));
vi.mock("@/lib/query/parse", async (original) => {
  const real = await original<typeof import("@/lib/query/parse")>();
  return { ...real, parseQuery: (...args: Parameters<typeof real.parseQuery>) => (parse.calls++, real.parseQuery(...args)) };
});

const { default: Page, generateMetadata } = await import("./page");

/** One page request as Next serves it: the metadata and the page, each handed its own copy of the params. */
async function request(params: Record<string, string | string[]>) {
  requestCache.clear();
  const metadata = await generateMetadata({ searchParams: Promise.resolve({ ...params }) });
  await Page({ searchParams: Promise.resolve({ ...params }) });
  return metadata;
}

describe("a page request", () => {
  beforeEach(() => {
    match.mockClear();
    parse.calls = 0;
  });

  it("reads the link once and filters the events once, for the page and its metadata", async () => {
    const metadata = await request({ city: "shanghai", from: "2016" });
    expect(parse.calls).toBe(1);
    expect(match).toHaveBeenCalledTimes(1);
    expect(metadata.title).toMatch(/Shanghai/);
  });

  it("filters at most once however many times the same view is asked for", async () => {
    await request({ city: "dakar" });
    await request({ city: "dakar", utm_source: "x" });
    expect(match).toHaveBeenCalledTimes(1);
  });

  it("shows the plain 'data store unavailable' view, marked never to be cached, when the store fails midway", async () => {
    const failing = vi.spyOn(store, "pins").mockRejectedValueOnce(new StoreUnavailableError("The database is not answering: timeout"));
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      requestCache.clear();
      const html = renderToStaticMarkup(await Page({ searchParams: Promise.resolve({ lang: "zh", city: "shanghai" }) }));
      expect(html).toContain("数据存储暂时不可用");
      expect(html).toContain(`${UNAVAILABLE_MARK}=""`);
      expect(html).not.toMatch(/timeout/);
    } finally {
      failing.mockRestore();
      logged.mockRestore();
    }
  });
});
