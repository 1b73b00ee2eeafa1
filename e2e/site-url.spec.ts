import { expect, test } from "@playwright/test";
import { baseURL } from "./ports";

const ogImage = (html: string) => /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1];

// The servers under test run without SITE_URL: the validated Host header decides (lib/http/site-url.ts).
test("a malformed Host header cannot break the page's metadata", async ({ request }) => {
  const response = await request.get("/?city=shanghai", { headers: { Host: "a b" } });
  expect(response.status()).toBe(200);
  const html = await response.text();
  expect(html).toMatch(/<title>\d+ of \d+ events — Shanghai — /);
  expect(ogImage(html)).toBe("http://localhost:3000/og?city=shanghai");
});

test("a well-formed Host is used for absolute URLs; a local one over http", async ({ request }) => {
  const local = await (await request.get("/?city=shanghai")).text();
  expect(ogImage(local)).toBe(`${baseURL}/og?city=shanghai`);
  const other = await (await request.get("/", { headers: { Host: "edu.example.org" } })).text();
  expect(ogImage(other)).toBe("https://edu.example.org/og");
});

test("a Host with a path or credentials falls back to the safe default", async ({ request }) => {
  for (const host of ["evil.example/x", "user@evil.example", "evil.example:99999"]) {
    const html = await (await request.get("/", { headers: { Host: host } })).text();
    expect(ogImage(html), host).toBe("http://localhost:3000/og");
  }
});
