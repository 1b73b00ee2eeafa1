import { describe, expect, it } from "vitest";
import { ifNoneMatch, notModified } from "./etag";

describe("ifNoneMatch", () => {
  const etag = '"abc-123"';
  it("matches the tag, weak or strong, alone or in a list", () => {
    expect(ifNoneMatch('"abc-123"', etag)).toBe(true);
    expect(ifNoneMatch('W/"abc-123"', etag)).toBe(true);
    expect(ifNoneMatch('"other", W/"abc-123"', etag)).toBe(true);
  });
  it("takes * for any current answer", () => {
    expect(ifNoneMatch("*", etag)).toBe(true);
  });
  it("does not match another tag, an unquoted one, or no header", () => {
    expect(ifNoneMatch('"abc-1234"', etag)).toBe(false);
    expect(ifNoneMatch("abc-123", etag)).toBe(false);
    expect(ifNoneMatch(null, etag)).toBe(false);
    expect(ifNoneMatch("", etag)).toBe(false);
  });
});

describe("notModified", () => {
  it("is an empty 304 with the caching headers", async () => {
    const response = notModified({ ETag: '"x"', "Cache-Control": "no-cache" });
    expect(response.status).toBe(304);
    expect(response.headers.get("etag")).toBe('"x"');
    expect(await response.text()).toBe("");
  });
});
