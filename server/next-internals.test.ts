import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Next's dist/ paths are not an API: they move between releases, and a deep import either breaks the
// server at start-up or, worse, keeps importing a copy that no longer matches what Next does.
const ROOTS = ["app", "components", "lib", "server", "scripts", "e2e"];
const FILES = ["server.mjs", "proxy.ts", "next.config.js", "playwright.config.ts", "vitest.config.ts"];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const at = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(at);
    return /\.(m?[jt]sx?|mts)$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [at] : [];
  });
}

describe("imports", () => {
  it("never reach into next/dist", () => {
    const offenders = [...ROOTS.flatMap(sources), ...FILES].filter((file) =>
      /(from\s+|import\s*\(\s*|require\s*\(\s*)["']next\/dist\//.test(readFileSync(file, "utf8")),
    );
    expect(offenders).toEqual([]);
  });
});
