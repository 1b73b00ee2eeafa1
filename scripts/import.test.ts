import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** `npm run import` as a curator runs it: exit 0 imported, 1 refused, 2 usage error. */
function runImport(...args: string[]) {
  const result = spawnSync(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/import.ts", ...args], {
    encoding: "utf8",
    // Never a real database from the caller's environment: publishing is tested in import.pg.test.ts.
    env: { ...process.env, DATABASE_URL: "" },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const corpus = (name: string) => path.join("lib/import/corpus", name);

describe("npm run import", { timeout: 60_000 }, () => {
  it("imports a clean file: the four JSON files and a summary", () => {
    const out = mkdtempSync(path.join(tmpdir(), "import-"));
    const { status, stdout } = runImport(corpus("clean-gb18030.csv"), "--out", out);
    expect(status).toBe(0);
    expect(stdout).toMatch(/CSV, GB18030; 2 events, 2 places, 2 organizations, 2 categories; 2015-05-18 – 2016; 0 errors, 0 warnings/);
    for (const file of ["events.json", "places.json", "organizations.json", "categories.json"])
      expect(existsSync(path.join(out, file))).toBe(true);
    expect(JSON.parse(readFileSync(path.join(out, "events.json"), "utf8"))[0].titleZh).toBe("世界教育论坛");
  });

  it("refuses a file with errors, writing nothing but the problems sheet", () => {
    const out = mkdtempSync(path.join(tmpdir(), "import-"));
    const problems = path.join(out, "problems.csv");
    const { status, stderr } = runImport(corpus("ambiguous-date.csv"), "--out", path.join(out, "data"), "--problems", problems);
    expect(status).toBe(1);
    expect(stderr).toMatch(/error \[ambiguous-date\] events, row 3, column B "start" \("05\/06\/2015"\)/);
    expect(existsSync(path.join(out, "data"))).toBe(false);
    const [header, first] = readFileSync(problems, "utf8")
      .replace(/^\uFEFF/, "")
      .split("\r\n");
    expect(header.startsWith("severity,sheet,row,column,column_letter,value,code,message,")).toBe(true);
    expect(first.startsWith("error,events,3,start,B,05/06/2015,ambiguous-date,Cannot tell the day from the month")).toBe(true);
  });

  it("with --sources, writes a whole data folder: sources.json and the documents, every quote checked", () => {
    const out = mkdtempSync(path.join(tmpdir(), "import-"));
    const { status, stdout } = runImport("data", "--out", out, "--sources", "data/sources");
    expect(status).toBe(0);
    expect(stdout).toMatch(/sources\.json, and 4 documents in sources\/; every quote found in its document/);
    // The bundled folder's own descriptions, found beside its documents, are kept as written.
    expect(readFileSync(path.join(out, "sources.json"), "utf8")).toBe(readFileSync("data/sources.json", "utf8"));
    for (const file of readdirSync("data/sources"))
      expect(readFileSync(path.join(out, "sources", file), "utf8")).toBe(readFileSync(path.join("data/sources", file), "utf8"));
    expect(runImport("data", "--out", out, "--sources", "no-such-folder").status).toBe(2);
  });

  it("refuses a 60 MB file by its size, before reading it", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "import-"));
    const big = path.join(dir, "big.csv");
    writeFileSync(big, "id,start,title\n");
    truncateSync(big, 60 * 1024 * 1024); // sparse: no 60 MB written to disk or to git
    const { status, stderr } = runImport(big, "--out", path.join(dir, "out"));
    expect(status).toBe(1);
    expect(stderr).toMatch(/\[too-large\] big\.csv: The file is 60\.0 MB; the importer reads files up to 50\.0 MB/);
  });

  it("answers a usage error with 2", () => {
    expect(runImport().status).toBe(2);
    expect(runImport(corpus("clean.csv")).status).toBe(2);
    expect(runImport("no-such-file.csv", "--out", "x").status).toBe(2);
  });

  it("refuses --publish without DATABASE_URL as a usage error, before reading anything", () => {
    const out = mkdtempSync(path.join(tmpdir(), "import-"));
    const { status, stderr } = runImport(corpus("clean.csv"), "--out", path.join(out, "data"), "--publish");
    expect(status).toBe(2);
    expect(stderr).toMatch(/--publish needs DATABASE_URL/);
    expect(existsSync(path.join(out, "data"))).toBe(false);
  });
});
