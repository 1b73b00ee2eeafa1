import { readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { LIVE_DATA_DIR, liveDataURL } from "./ports";

const file = path.join(LIVE_DATA_DIR, "events.json");
const sourcesFile = path.join(LIVE_DATA_DIR, "sources.json");

// Both tests edit the one live data folder: one at a time.
test.describe.configure({ mode: "serial" });
const EDITED = "Title edited while the server runs";

test("an edit to the data files reaches every route at once; a broken edit keeps the last good version and is reported", async ({
  request,
}) => {
  const original = readFileSync(file, "utf8");
  const events = JSON.parse(original) as { id: string; title: string }[];
  const { id } = events[0];
  const page = async () => (await request.get(`${liveDataURL}/?event=${id}`)).text();
  const api = async () =>
    (await (await request.get(`${liveDataURL}/api/events`)).json()).events.find((e: { id: string }) => e.id === id).title;
  // The page as it was is kept by npm start's page cache: the edit must reach it all the same.
  await request.get(`${liveDataURL}/?event=${id}`);
  expect((await request.get(`${liveDataURL}/?event=${id}`)).headers()["x-page-cache"]).toBe("hit");
  try {
    events[0].title = EDITED;
    writeFileSync(file, JSON.stringify(events, null, 2));
    await expect.poll(page, { timeout: 10_000 }).toContain(EDITED);
    expect(await api()).toBe(EDITED);

    writeFileSync(file, "[{ this is not JSON");
    await expect.poll(async () => (await request.get(`${liveDataURL}/api/health`)).status(), { timeout: 10_000 }).toBe(503);
    const health = await (await request.get(`${liveDataURL}/api/health`)).json();
    expect(health.problems.join("\n")).toMatch(/^events\.json › /m);
    expect(health.problems.join("\n")).not.toContain(path.resolve(LIVE_DATA_DIR)); // no server paths
    // Every route still serves the last good version.
    expect(await page()).toContain(EDITED);
    expect(await api()).toBe(EDITED);
  } finally {
    writeFileSync(file, original);
  }
  await expect.poll(async () => (await request.get(`${liveDataURL}/api/health`)).status(), { timeout: 10_000 }).toBe(200);
  expect(await api()).toBe(JSON.parse(original)[0].title);
  // Back to the first version: its page is rendered from it again, not from the edit.
  await expect.poll(page, { timeout: 10_000 }).not.toContain(EDITED);
});

test("sources.json and the documents are part of the data: an edit is picked up with a new ETag, a broken file or a deleted document is reported", async ({
  request,
}) => {
  const original = readFileSync(sourcesFile, "utf8");
  const sources = JSON.parse(original) as { id: string; file: string; title: string }[];
  const { id, file: document } = sources[0];
  const documentPath = path.join(LIVE_DATA_DIR, "sources", document);
  const health = () => request.get(`${liveDataURL}/api/health`);
  const etag = async () => (await request.get(`${liveDataURL}/api/events`)).headers()["etag"];
  const sourcePage = async () => (await request.get(`${liveDataURL}/sources/${id}`)).text();
  const before = await etag();
  const EDITED_TITLE = "Source title edited while the server runs";
  try {
    writeFileSync(sourcesFile, JSON.stringify([{ ...sources[0], title: EDITED_TITLE }, ...sources.slice(1)], null, 2));
    await expect.poll(sourcePage, { timeout: 10_000 }).toContain(EDITED_TITLE);
    expect(await etag()).not.toBe(before); // clients holding the old ETag get the new data, not a 304

    writeFileSync(sourcesFile, "[{ not JSON");
    await expect.poll(async () => (await health()).status(), { timeout: 10_000 }).toBe(503);
    expect((await (await health()).json()).problems.join("\n")).toMatch(/^sources\.json › /m);
    writeFileSync(sourcesFile, original);
    await expect.poll(async () => (await health()).status(), { timeout: 10_000 }).toBe(200);

    renameSync(documentPath, `${documentPath}.away`);
    await expect.poll(async () => (await health()).status(), { timeout: 10_000 }).toBe(503);
    expect((await (await health()).json()).problems.join("\n")).toContain(`sources.json › ${id} › file: missing file sources/${document}`);
  } finally {
    writeFileSync(sourcesFile, original);
    try {
      renameSync(`${documentPath}.away`, documentPath);
    } catch {
      // not moved: the test failed before
    }
  }
  await expect.poll(async () => (await health()).status(), { timeout: 10_000 }).toBe(200);
  await expect.poll(etag, { timeout: 10_000 }).toBe(before); // the same files, the same version
});
