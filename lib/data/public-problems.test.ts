import { describe, expect, it } from "vitest";
import { publicProblems } from "./public-problems";

describe("publicProblems", () => {
  it("names file, record and field relative to the data folder, never its absolute path", () => {
    const dir = "/srv/app/secret-data";
    const shown = publicProblems(dir, [
      { file: "events.json", record: "(file)", field: "(root)", message: `missing file in ${dir}` },
      { file: "places.json", record: "(file)", field: "(root)", message: `cannot be read as JSON: EACCES: permission denied, open '${dir}/places.json'` },
      { file: "events.json", record: "2015-x", field: "place", message: 'unknown place "atlantis"' },
    ]);
    expect(shown).toEqual([
      "events.json › (file) › (root): missing file in the data folder",
      "places.json › (file) › (root): cannot be read as JSON: EACCES: permission denied, open 'places.json'",
      'events.json › 2015-x › place: unknown place "atlantis"',
    ]);
    for (const line of shown) expect(line).not.toContain("/srv");
  });
});
