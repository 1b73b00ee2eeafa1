import { afterEach, describe, expect, it, vi } from "vitest";
import { memorySnapshot } from "@/lib/data/memory-store";
import { fixtureIndex, fixtureStore } from "@/lib/data/test-fixtures";
import { previewKey, previews } from "./preview-cache";
import { previewContent } from "./preview-image";

afterEach(() => vi.restoreAllMocks());

describe("preview images", () => {
  // Characters the bundled font lacks made next/og fetch a font or emoji from the internet.
  it.each(["%01", "%C8%B9", "%C6%80", "%F0%9F%98%80", "%E4%B8%8A%E6%B5%B7", "1%EF%B8%8F%E2%83%A3", "e%CC%81%CC%81"])(
    "draws q=%s without any network request",
    async (q) => {
      const realFetch = globalThis.fetch;
      const network: string[] = [];
      // next/og loads its own WebAssembly from data: URLs; anything else would leave the machine.
      vi.spyOn(globalThis, "fetch").mockImplementation((input, init) => {
        const url = input instanceof Request ? input.url : String(input);
        if (url.startsWith("data:")) return realFetch(input, init);
        network.push(url);
        return Promise.reject(new Error("no network in tests"));
      });
      const store = fixtureStore();
      const { key, search } = await previewKey(new URLSearchParams(`q=${q}`), store);
      const png = await previews.get(key, { search, store });
      expect(network).toEqual([]);
      expect(png.byteLength).toBeGreaterThan(5000);
    },
  );

  it("names a view by its normalized query and the data version", async () => {
    const store = fixtureStore();
    const a = await previewKey(new URLSearchParams("city=shanghai,atlantis&utm=x&map=1,2,3"), store);
    const b = await previewKey(new URLSearchParams("city=Shanghai"), store);
    expect(a.key).toBe(b.key);
    expect(a.etag).toBe(b.etag);
    expect((await previewKey(new URLSearchParams("city=dakar"), store)).etag).not.toBe(a.etag);
  });
});

describe("Chinese previews", () => {
  const render = async (query: string) => {
    const store = fixtureStore();
    const { key, search } = await previewKey(new URLSearchParams(query), store);
    return Buffer.from(await previews.get(key, { search, store }));
  };

  it("draw Chinese characters with the shipped Noto Sans SC subsets, not the “…” fallback", async () => {
    // 鲸 and 鹤 match no event: the two views differ only in the character drawn. Were it not
    // drawn, both would read "“…” · 0 …" and their images would be byte for byte the same.
    const whale = await render("q=%E9%B2%B8&lang=zh");
    const crane = await render("q=%E9%B9%A4&lang=zh");
    expect(whale.equals(crane)).toBe(false);
  });
});

describe("a tour step's preview", () => {
  const text = (en: string) => ({ en, zh: `${en}（中文）` });
  const step = (id: string, view: string) => ({
    id,
    view,
    title: text(`Step ${id}`),
    body: text("Body."),
    events: ["2016-06-08-founded"],
    sources: [{ document: "d.txt", quote: "q" }],
  });
  const tour = {
    id: "demo",
    title: text("A demo tour"),
    summary: text("Demo."),
    steps: [step("one", "city=shenzhen"), step("two", "from=2016&to=2016")],
  };
  const store = memorySnapshot(fixtureIndex(), "tour-version", [tour]);

  it("draws the step's title, its tour and place in it, over the view's own words", async () => {
    const { search } = await previewKey(new URLSearchParams("from=2016&to=2016&tour=demo&step=two"), store);
    expect(search).toBe("?from=2016&to=2016&tour=demo&step=two");
    const content = await previewContent(search, store);
    expect(content).toMatchObject({ site: "A demo tour · Step 2 of 2", title: "Step two", sentence: "2016 · 1 event" });
    const zh = await previewContent("?lang=zh&tour=demo&step=two", store);
    expect(zh).toMatchObject({ title: "Step two（中文）" });
    expect(zh.site).toContain("A demo tour（中文）");
  });

  it("names a tour alone by its first step, and drops an unknown tour or step as the page does", async () => {
    const key = async (search: string) => (await previewKey(new URLSearchParams(search), store)).search;
    expect(await key("city=shenzhen&tour=demo")).toBe("?city=shenzhen&tour=demo&step=one");
    expect(await key("city=shenzhen&tour=atlantis&step=one")).toBe("?city=shenzhen");
    expect(await key("city=shenzhen&tour=demo&step=nowhere")).toBe("?city=shenzhen&tour=demo&step=one");
    // A step named without a view is the step's own view, as the page shows it.
    expect(await key("tour=demo&step=two&lang=zh")).toBe("?from=2016&to=2016&lang=zh&tour=demo&step=two");
    const png = await previews.get(`${store.version}?tour=demo&step=two`, { search: "?from=2016&to=2016&tour=demo&step=two", store });
    expect(png.byteLength).toBeGreaterThan(5000);
  });
});
