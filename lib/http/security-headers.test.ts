import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, parseOrigins, securityHeaders, tileOrigin } from "./security-headers";

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
