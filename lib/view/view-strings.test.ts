import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { uiText } from "../i18n/ui";
import { EMPTY_QUERY } from "../query/query";
import { fixtureStore } from "../data/test-fixtures";
import { browserView, computeView } from "./view-model";

// The view crosses to the browser in every page: a field no component reads is weight for nothing,
// and a string nobody shows goes on being translated. These read the sources that consume the view.
const ROOT = path.resolve(import.meta.dirname, "../..");
const PRODUCERS = new Set(["lib/i18n/ui.ts", "lib/i18n/ui-text.ts", "lib/view/view-model.ts"]);

function sources(dir: string): { file: string; text: string }[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    .map((f) => path.join(dir, f))
    .filter((file) => !PRODUCERS.has(file))
    .map((file) => ({ file, text: readFileSync(path.join(ROOT, file), "utf8") }));
}

const consumers = [...sources("components"), ...sources("app"), ...sources("lib")];
const components = sources("components");
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Leaf paths of the strings: "counts.events", "share.formats.csv". */
function leaves(value: object, prefix: string[] = []): string[][] {
  return Object.entries(value).flatMap(([key, v]) =>
    v && typeof v === "object" && !("other" in v) ? leaves(v, [...prefix, key]) : [[...prefix, key]],
  );
}

/**
 * Read as a property (`.events`, not the catalogue key "count.events"), or through its parent: indexed
 * (`formats[format]`) or destructured (`const { text, label } = text.switchTo`).
 */
function isRead(pathTo: string[]): boolean {
  const leaf = escape(pathTo.at(-1)!);
  const parent = pathTo.length > 1 ? escape(pathTo.at(-2)!) : null;
  const patterns = [new RegExp(`\\.${leaf}\\b(?![".'-])`)];
  if (parent) patterns.push(new RegExp(`\\.${parent}\\[`), new RegExp(`\\}\\s*=\\s*[\\w.]*\\.${parent}\\b`));
  return consumers.some(({ text }) => patterns.some((p) => p.test(text)));
}

describe("the view sent to the browser", () => {
  it("carries no interface string that nothing reads", () => {
    const unread = leaves(uiText("en"))
      .filter((p) => !isRead(p))
      .map((p) => p.join("."));
    expect(unread).toEqual([]);
  });

  it("carries no field the dashboard does not read", async () => {
    const view = browserView(await computeView(fixtureStore(), EMPTY_QUERY));
    const unread = Object.keys(view).filter((key) => !components.some(({ text }) => new RegExp(`\\bview\\.${key}\\b`).test(text)));
    expect(unread).toEqual([]);
  });
});
