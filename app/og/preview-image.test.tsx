import { afterEach, describe, expect, it, vi } from "vitest";
import { fixtureStore } from "@/lib/data/test-fixtures";
import { previewKey, previews } from "./preview-cache";

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
      const { key, search } = previewKey(new URLSearchParams(`q=${q}`), store);
      const png = await previews.get(key, { search, store });
      expect(network).toEqual([]);
      expect(png.byteLength).toBeGreaterThan(5000);
    },
  );

  it("names a view by its normalized query and the data version", () => {
    const store = fixtureStore();
    const a = previewKey(new URLSearchParams("city=shanghai,atlantis&utm=x&map=1,2,3"), store);
    const b = previewKey(new URLSearchParams("city=Shanghai"), store);
    expect(a.key).toBe(b.key);
    expect(a.etag).toBe(b.etag);
    expect(previewKey(new URLSearchParams("city=dakar"), store).etag).not.toBe(a.etag);
  });
});

describe("Chinese previews", () => {
  const render = async (query: string) => {
    const store = fixtureStore();
    const { key, search } = previewKey(new URLSearchParams(query), store);
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
