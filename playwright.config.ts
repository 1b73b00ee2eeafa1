import { defineConfig, devices } from "@playwright/test";

import { baseURL, brokenDataURL, LIVE_DATA_DIR, liveDataURL, port, renderGateURL } from "./e2e/ports";

// Every test is one client (127.0.0.1): the servers but the render gate's own do without the
// per-client limit of new pages (server/render-gate.mjs), which a whole suite would exceed.
const ONE_CLIENT = { RENDER_CLIENT_BURST: "0" };
// Debian's Chromium by default; CHROMIUM_PATH points at any other (a user's own, or Playwright's).
const executablePath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  // A test that passes only on a retry is a failing test: no retries, in CI or anywhere.
  retries: 0,
  reporter: "list",
  // A cap against a hung test, not a budget: every wait inside a test is on something a person would see.
  timeout: 120_000,
  // Tests wait on what a person would see; a busy 2-core machine can take seconds to show it.
  expect: { timeout: 15_000 },
  use: {
    baseURL,
    // No trace: recording one costs every test a tenth of this 2-core machine, and a timing that
    // only holds under that load is a flaky test. A failure keeps error-context.md (the page's state);
    // to see more, run the failing test again with `--trace on`.
    trace: "off",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1400, height: 900 } } }],
  webServer: [
    {
      // The production build, as users get it. `npm run test:e2e` builds first.
      command: `node server.mjs -p ${port} -H 127.0.0.1`,
      env: ONE_CLIENT,
      url: `${baseURL}/api/events`,
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      // The same build serving a dataset with mistakes in it: it must refuse, naming them. The dataset
      // is data/ with the named mistakes of scripts/make-broken-data.ts, made anew for each run.
      command: `npx tsx --conditions=react-server scripts/make-broken-data.ts e2e/broken-data && node server.mjs -p ${port + 1} -H 127.0.0.1`,
      env: { ...ONE_CLIENT, EVENTS_DATA_DIR: "e2e/broken-data" },
      url: `${brokenDataURL}/embed.js`, // its pages, the API and even public files answer 503 by design
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      // A copy of the dataset that a test edits while the server runs (hot reload).
      command: `rm -rf ${LIVE_DATA_DIR} && cp -r data ${LIVE_DATA_DIR} && node server.mjs -p ${port + 2} -H 127.0.0.1`,
      env: { ...ONE_CLIENT, EVENTS_DATA_DIR: LIVE_DATA_DIR },
      url: `${liveDataURL}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      // The same build with a tight render gate: one render at once, none queued, six per client.
      command: `node server.mjs -p ${port + 3} -H 127.0.0.1`,
      env: { RENDER_CONCURRENCY: "1", RENDER_QUEUE: "0", RENDER_CLIENT_BURST: "6", RENDER_CLIENT_PER_MINUTE: "1" },
      url: `${renderGateURL}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
});
