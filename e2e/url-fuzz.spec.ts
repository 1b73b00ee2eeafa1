import fc from "fast-check";
import { expect, test } from "@playwright/test";
import { events } from "./fixtures";

// Generated URLs against the running server: whatever the query, no route answers 5xx.
const COUNT = 1200;
const CONCURRENCY = 8;

const ids = [...new Set(events.flatMap((e) => [e.id, e.place ?? "", e.category]))].filter(Boolean);
const hostile = fc.constantFrom(
  "%",
  "%zz",
  "%00",
  "%01",
  "%C8%B9",
  "%C6%80",
  "%F0%9F%98%80",
  "%E4%B8%8A%E6%B5%B7",
  "..%2F..%2Fetc",
  "%3Cscript%3E",
  "'",
  "%22",
  "%0D%0ASet-Cookie:x",
  "1e309",
  "-0",
  "NaN",
  ",,,",
  "9999-99-99",
  "0000",
);
const text = fc.string({ unit: "binary", maxLength: 60 }).map(encodeURIComponent);
const value = fc.oneof(
  fc.constantFrom(...ids),
  fc.constantFrom("2014", "2023-07", "2025-10-13", "31.2,121.5,5", "cn", "json", "csv", "ics", "geojson"),
  hostile,
  text,
  fc.string({ maxLength: 300 }).map(encodeURIComponent),
);
const key = fc.oneof(
  fc.constantFrom("from", "to", "city", "country", "category", "org", "q", "event", "map", "format"),
  fc.string({ maxLength: 8 }).map(encodeURIComponent),
);
const pair = fc
  .tuple(key, fc.array(value, { minLength: 1, maxLength: 3 }))
  .map(([k, vs]) => `${k}=${vs.join(fc.sample(fc.constantFrom(",", "%2C", ""), 1)[0])}`);
// Previews render (slowly, on purpose bounded), so they get a smaller share.
const path = fc.constantFrom("/", "/", "/", "/api/events", "/api/events", "/api/events", "/api/events", "/og");
const url = fc.tuple(path, fc.array(pair, { maxLength: 6 })).map(([p, pairs]) => (pairs.length ? `${p}?${pairs.join("&")}` : p));

test("1,200 generated URLs: no server error on page, API or preview image", async ({ request }) => {
  test.setTimeout(240_000);
  const urls = fc.sample(url, { numRuns: COUNT, seed: Number(process.env.FUZZ_SEED ?? 20251013) });
  const failures: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < urls.length) {
        const u = urls[next++];
        const response = await request.get(u, { maxRedirects: 0 });
        if (response.status() >= 500) failures.push(`${response.status()} ${u}`);
        await response.dispose();
      }
    }),
  );
  expect(urls.filter((u) => u.startsWith("/og")).length).toBeGreaterThan(50);
  expect(failures).toEqual([]);
});
