import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// The project's own ESLint config, run on small in-memory modules: the rule must fire where a
// browser module imports server-only code at runtime, and stay quiet otherwise.
const RULE = "boundaries/no-server-import-in-client";
let eslint: ESLint;

// Loading the config (Next's, TypeScript's, the plugins) is the slow part: it happens once, here,
// with room for a busy machine; each test then lints a few lines.
beforeAll(async () => {
  eslint = new ESLint({ cwd: process.cwd() });
  await eslint.lintText("export {};\n", { filePath: "components/dashboard/Warm.tsx" });
}, 120_000);

async function ruleMessages(code: string, filePath: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages;
}

const uses = (...names: string[]) => `export const used = [${names.join(", ")}];\n`;

describe("a browser module may not import server-only code", { timeout: 30_000 }, () => {
  it("fires on a 'use client' component importing the store", async () => {
    const messages = await ruleMessages(
      `"use client";\nimport { getStore } from "@/lib/data/store";\n${uses("getStore")}`,
      "components/dashboard/Probe.tsx",
    );
    expect(messages.map((m) => m.ruleId)).toContain(RULE);
    expect(messages.find((m) => m.ruleId === RULE)?.severity).toBe(2);
  });

  it("fires on a relative import, a re-export, a dynamic import and the marker itself", async () => {
    const code = `"use client";\nimport "server-only";\nimport { filterEvents } from "../../lib/search/filter";\nexport { computeView } from "@/lib/view/view-model";\nexport const later = () => import("@/lib/og/fonts");\n${uses("filterEvents")}`;
    const messages = (await ruleMessages(code, "components/filters/Probe.tsx")).filter((m) => m.ruleId === RULE);
    expect(messages.map((m) => m.line)).toEqual([2, 3, 4, 5]);
  });

  it("fires on a browser-safe lib folder importing a server-only one", async () => {
    const messages = await ruleMessages(`import { indexDataset } from "../data/dataset";\n${uses("indexDataset")}`, "lib/map/probe.ts");
    expect(messages.map((m) => m.ruleId)).toContain(RULE);
  });

  it("is quiet for a clean client component: browser-safe imports and server-only types", async () => {
    const code = `"use client";\nimport { parseQuery } from "@/lib/query/parse";\nimport type { BrowserView } from "@/lib/view/view-model";\nimport { type EventStore } from "@/lib/data/store";\nexport function Probe({ view, store }: { view: BrowserView; store: EventStore }) {\n  return <p>{String(parseQuery) + view.total + store.version}</p>;\n}\n`;
    expect(await ruleMessages(code, "components/dashboard/Probe.tsx")).toEqual([]);
  });

  it("is quiet for a server component (no directive) importing the store", async () => {
    const code = `import { getStore } from "@/lib/data/store";\nexport async function Probe() {\n  const store = await getStore();\n  return <p>{store.version}</p>;\n}\n`;
    expect(await ruleMessages(code, "components/dashboard/Probe.tsx")).toEqual([]);
  });
});
