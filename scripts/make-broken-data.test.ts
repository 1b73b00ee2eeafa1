import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readDatasetDir } from "../lib/data/read-dataset";
import { formatProblem } from "../lib/data/validate";
import { makeBrokenData, MUTATIONS } from "./make-broken-data";

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

describe("the broken dataset of the refusal tests", () => {
  it("is refused with exactly one problem per named mutation, and nothing else", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "broken-data-"));
    dirs.push(dir);
    await makeBrokenData("data", dir);
    const { dataset, problems } = await readDatasetDir(dir);
    expect(dataset).toBeNull();
    const reported = problems.map(formatProblem);
    expect(reported).toHaveLength(MUTATIONS.length);
    for (const { problem } of MUTATIONS)
      expect(
        reported.some((p) => p.startsWith(problem)),
        problem,
      ).toBe(true);
  });

  it("fails loudly when the event a mutation names is gone from data/", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "broken-data-"));
    dirs.push(dir);
    await expect(makeBrokenData("data", dir, [{ ...MUTATIONS[0], event: "no-such-event" }])).rejects.toThrow(/no event no-such-event/);
  });
});
