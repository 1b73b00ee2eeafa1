import { describe, expect, it } from "vitest";
import { homeHref } from "./lang";

describe("homeHref", () => {
  it("keeps the reader's language, leaving the default out", () => {
    expect(homeHref("en")).toBe("/");
    expect(homeHref("zh")).toBe("/?lang=zh");
  });
});
