import { describe, expect, it } from "vitest";
import { publishedVersionWatcher, versionName } from "@/lib/data-version/published-version.mjs";

// server.mjs's page cache names the PostgreSQL store's version with the store's own query and name
// (lib/data/store.pg.test.ts checks both agree on a real database): at most one read a second.
function fakePool(answers: (() => { version: string; content_hash: string }[])[]) {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    query: async () => {
      const answer = answers[Math.min(calls++, answers.length - 1)];
      return { rows: answer() };
    },
  };
}

describe("publishedVersionWatcher", () => {
  it("reads the published version at most once per interval, and sees a new one after it", async () => {
    let now = 0;
    const pool = fakePool([() => [{ version: "7", content_hash: "abc" }], () => [{ version: "8", content_hash: "def" }]]);
    const watcher = publishedVersionWatcher(pool, "default", { everyMs: 1000, now: () => now });
    expect(await Promise.all([watcher.current(), watcher.current()])).toEqual([versionName("7", "abc"), "pg7-abc"]);
    now = 900;
    expect(await watcher.current()).toBe("pg7-abc");
    expect(pool.calls).toBe(1);
    now = 1001;
    expect(await watcher.current()).toBe("pg8-def");
    expect(pool.calls).toBe(2);
  });

  it("names no version while none is published or the database does not answer, and recovers", async () => {
    let now = 0;
    const pool = fakePool([
      () => [],
      () => {
        throw new Error("connect ECONNREFUSED");
      },
      () => [{ version: "9", content_hash: "fff" }],
    ]);
    const watcher = publishedVersionWatcher(pool, "default", { everyMs: 1000, now: () => now });
    expect(await watcher.current()).toBeNull();
    now += 1001;
    expect(await watcher.current()).toBeNull();
    now += 1001;
    expect(await watcher.current()).toBe("pg9-fff");
  });
});
