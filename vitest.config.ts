import { defineConfig } from "vitest/config";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const TEST_FOLDERS = ["eslint", "lib", "components", "scripts", "app", "server"];
const testFiles = TEST_FOLDERS.flatMap((folder) =>
  readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.test\.tsx?$/.test(file))
    .map((file) => path.join(folder, file)),
);
// A file that mocks a module needs a module registry of its own: vi.mock cannot reach a module that
// another test file already loaded. The other files share one registry per worker, which takes the
// unit suite from ~45 s to ~12 s on this 2-core machine (most of the time was importing, per file).
const mocking = testFiles.filter((file) => readFileSync(file, "utf8").includes("vi.mock("));

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Outside Next's server layer "server-only" resolves to its throwing build: tests take the empty one, as the server does.
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    environment: "node",
    // These tests check answers, not speed (the bench scripts measure that). Some draw images or
    // query PostgreSQL for seconds, and CI runs them beside lint and typecheck on 2 cores: the
    // default 5 s (10 s for hooks) is too close: the playback GIF test took 4.6 s here, and a CI run
    // failed one unit test by chance (its log kept only the passing ones).
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: "shared", include: testFiles.filter((f) => !mocking.includes(f)), isolate: false } },
      { extends: true, test: { name: "isolated", include: mocking } },
    ],
  },
});
