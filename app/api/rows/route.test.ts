import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { syntheticDataset } from "@/scripts/synthetic-data";
import { GET } from "./route";

// 250 synthetic events (no source documents, as the benchmarks serve them): more than two of the
// list's pages of 100, so the cursor has somewhere to go.
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "rows-"));
  for (const [name, value] of Object.entries(syntheticDataset(250))) {
    if (Array.isArray(value)) await writeFile(path.join(dir, `${name}.json`), JSON.stringify(value));
  }
  vi.stubEnv("EVENTS_DATA_DIR", dir);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(dir, { recursive: true, force: true });
});

type Page = { matched: number; rows: { id: string }[]; next: string | null };
const get = async (search: string) => {
  const response = await GET(new NextRequest(`http://localhost/api/rows${search}`));
  return { status: response.status, body: (await response.json()) as Page & { issues?: { param: string }[] } };
};

describe("/api/rows", () => {
  it("pages by the cursor each page hands back, to the same rows as counting offsets", async () => {
    const first = await get("?lang=en&offset=0");
    expect(first.body.matched).toBe(250);
    const byCursor = [...first.body.rows];
    for (let next = first.body.next; next;) {
      const page = await get(`?after=${next}`);
      expect(page.status).toBe(200);
      byCursor.push(...page.body.rows);
      next = page.body.next;
    }
    const byOffset = [first, await get("?offset=100"), await get("?offset=200")].flatMap((p) => p.body.rows);
    expect(byCursor.map((r) => r.id)).toEqual(byOffset.map((r) => r.id));
    expect(new Set(byCursor.map((r) => r.id)).size).toBe(250);
  });

  it("answers 400 naming the parameter for a cursor it never wrote, a bad offset, or both at once", async () => {
    const { next } = (await get("")).body;
    for (const [search, param] of [
      ["?after=not-a-cursor", "after"],
      [`?after=${next!.slice(0, -4)}`, "after"],
      ["?offset=-1", "offset"],
      [`?after=${next}&offset=5`, "offset"],
    ] as const) {
      const { status, body } = await get(search);
      expect(status, search).toBe(400);
      expect(body.issues?.[0].param).toBe(param);
    }
  });
});
