import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, frameAncestors, parseOrigins, securityHeaders, tileOrigin } from "./security-headers";

const directive = (csp: string, name: string) => csp.split("; ").find((d) => d.startsWith(`${name} `));

describe("contentSecurityPolicy", () => {
  it("allows scripts by nonce only, and eval only in development", () => {
    const csp = contentSecurityPolicy({ nonce: "abc" });
    expect(directive(csp, "script-src")).toBe("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(directive(contentSecurityPolicy({ nonce: "abc", dev: true }), "script-src")).toContain("'unsafe-eval'");
  });

  it("lets the import page start its Web Worker from this site", () => {
    expect(directive(contentSecurityPolicy({ nonce: "abc" }), "worker-src")).toBe("worker-src 'self' blob:");
  });

  it("refuses framing unless origins opt in, and ignores malformed ones", () => {
    expect(directive(contentSecurityPolicy({ nonce: "n" }), "frame-ancestors")).toBe("frame-ancestors 'none'");
    const csp = contentSecurityPolicy({
      nonce: "n",
      embedOrigins: "https://news.example, javascript:alert(1) 'unsafe-inline' https://x.example/path",
    });
    expect(directive(csp, "frame-ancestors")).toBe("frame-ancestors 'self' https://news.example");
    expect(securityHeaders({ nonce: "n", embedOrigins: "https://news.example" })["X-Frame-Options"]).toBeUndefined();
    expect(securityHeaders({ nonce: "n" })["X-Frame-Options"]).toBe("DENY");
  });

  it("lets any site frame the embeddable view, and only it, unless origins are listed", () => {
    expect(directive(contentSecurityPolicy({ nonce: "n", path: "/embed" }), "frame-ancestors")).toBe("frame-ancestors *");
    expect(securityHeaders({ nonce: "n", path: "/embed" })["X-Frame-Options"]).toBeUndefined();
    for (const path of ["/", "/sources", "/sources/a", "/embed.js", "/embedded", "/api/events"]) {
      expect(frameAncestors(path, undefined)).toBe("'none'");
      expect(securityHeaders({ nonce: "n", path })["X-Frame-Options"]).toBe("DENY");
    }
    // An operator's list narrows the embed to those origins (and opens the other pages to them).
    expect(frameAncestors("/embed", "https://news.example")).toBe("'self' https://news.example");
    expect(frameAncestors("/", "https://news.example")).toBe("'self' https://news.example");
    // A list of nothing usable is no list: the defaults stand.
    expect(frameAncestors("/embed", "javascript:alert(1)")).toBe("*");
  });

  it("lets any origin, an embed's opaque one included, read the public data files and no page", () => {
    expect(securityHeaders({ nonce: "n", path: "/api/scrub" })["Access-Control-Allow-Origin"]).toBe("*");
    expect(securityHeaders({ nonce: "n", path: "/basemap/countries-50m.json" })["Access-Control-Allow-Origin"]).toBe("*");
    expect(securityHeaders({ nonce: "n", path: "/embed" })["Access-Control-Allow-Origin"]).toBeUndefined();
    expect(securityHeaders({ nonce: "n", path: "/" })["Access-Control-Allow-Origin"]).toBeUndefined();
  });

  it("lets the map load images from an opted-in tile server only", () => {
    expect(directive(contentSecurityPolicy({ nonce: "n" }), "img-src")).toBe("img-src 'self' data: blob:");
    expect(directive(contentSecurityPolicy({ nonce: "n", tileUrl: "https://{s}.tile.example.org/{z}/{x}/{y}.png" }), "img-src")).toBe(
      "img-src 'self' data: blob: https://*.tile.example.org",
    );
  });
});

describe("origins", () => {
  it("keeps only bare http(s) origins", () => {
    expect(parseOrigins("https://a.example http://b.example:8080 ftp://c.example https://d.example/x *")).toEqual([
      "https://a.example",
      "http://b.example:8080",
    ]);
    expect(tileOrigin("https://tiles.example.org; script-src *")).toBeNull();
  });
});
