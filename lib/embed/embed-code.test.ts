import { describe, expect, it } from "vitest";
import { EMBED_SANDBOX, embedHeight, hostScriptCode, iframeCode } from "./embed-code";

describe("the embed code", () => {
  it("is a lazy, sandboxed iframe without allow-same-origin, titled for the view", () => {
    const code = iframeCode({ src: "https://site.example/embed?city=shanghai&lang=zh", title: "Shanghai", width: "100%", height: 600 });
    expect(code).toContain('src="https://site.example/embed?city=shanghai&amp;lang=zh"');
    expect(code).toContain('title="Shanghai"');
    expect(code).toContain('loading="lazy"');
    expect(code).toContain(`sandbox="${EMBED_SANDBOX}"`);
    expect(EMBED_SANDBOX.split(" ").sort()).toEqual(["allow-popups", "allow-popups-to-escape-sandbox", "allow-scripts"]);
    expect(code).toContain("width: 100%");
  });

  it("sets a chosen theme as the iframe's color scheme, which the frame's prefers-color-scheme follows", () => {
    const frame = { src: "https://site.example/embed?theme=dark", title: "A view", width: 600, height: 400 } as const;
    expect(iframeCode({ ...frame, theme: "dark" })).toContain("color-scheme: dark;");
    expect(iframeCode({ ...frame, theme: "light" })).toContain("color-scheme: light;");
    expect(iframeCode({ ...frame, theme: "auto" })).not.toContain("color-scheme");
    expect(iframeCode(frame)).not.toContain("color-scheme");
  });

  it("escapes the view's words, which come from the data and the URL", () => {
    const code = iframeCode({ src: "https://site.example/embed?q=%22%3E", title: '"><script>alert(1)</script>', width: 600, height: 400 });
    expect(code).not.toContain("<script>");
    expect(code).toContain('title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  it("starts taller with more parts, and points the host script at the site", () => {
    expect(embedHeight(["map", "timeline", "list"])).toBeGreaterThan(embedHeight(["map", "list"]));
    expect(embedHeight(["list"])).toBeGreaterThan(300);
    expect(hostScriptCode("https://site.example")).toBe('<script async src="https://site.example/embed.js"></script>');
  });
});
