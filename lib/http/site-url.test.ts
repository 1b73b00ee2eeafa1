import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isValidHost, siteUrl } from "./site-url";

describe("siteUrl", () => {
  it("always uses SITE_URL when it is set, whatever the Host header", () => {
    expect(siteUrl("evil.example", "https://edu.example.org/some/path").href).toBe("https://edu.example.org/");
    expect(siteUrl("a b", "https://edu.example.org").href).toBe("https://edu.example.org/");
  });

  it("ignores a malformed SITE_URL and falls back to the host", () => {
    expect(siteUrl("edu.example.org", "javascript:alert(1)").href).toBe("https://edu.example.org/");
    expect(siteUrl("edu.example.org", "not a url").href).toBe("https://edu.example.org/");
  });

  it("uses a well-formed host when SITE_URL is unset: http for local ones, https otherwise", () => {
    expect(siteUrl("127.0.0.1:3210", undefined).href).toBe("http://127.0.0.1:3210/");
    expect(siteUrl("localhost:3000", undefined).href).toBe("http://localhost:3000/");
    expect(siteUrl("Edu.Example.org", undefined).href).toBe("https://edu.example.org/");
    expect(siteUrl("[::1]:3000", undefined).href).toBe("http://[::1]:3000/");
  });

  it("falls back to localhost for hosts that are not hostname[:port]", () => {
    for (const host of [
      "a b",
      "",
      null,
      "evil.example/path",
      "user@evil.example",
      "x:99999",
      "evil.example:80:80",
      "exa mple.org",
      "a\u0000b",
      "évil.example",
    ]) {
      expect(siteUrl(host, undefined).href, String(host)).toBe("http://localhost:3000/");
    }
  });

  it("never throws", () => {
    fc.assert(
      fc.property(fc.option(fc.string()), fc.option(fc.string()), (host, setting) => void siteUrl(host, setting ?? undefined)),
      { numRuns: 2000 },
    );
  });
});

describe("isValidHost", () => {
  it("accepts names, IPv4 and bracketed IPv6 with an optional port", () => {
    for (const host of ["example.org", "a-b.example.org:8443", "10.0.0.1", "[2001:db8::1]:443"]) expect(isValidHost(host), host).toBe(true);
  });
});
