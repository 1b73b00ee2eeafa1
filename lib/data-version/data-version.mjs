// Which dataset a server is serving, named the same way on both sides of Next's bundler.
//
// lib/data/store.ts is bundled by Next into its server chunks; server.mjs (the page cache) runs in plain
// Node outside them, so the two share no module instance and no state. What they can share is this
// plain module: both compute the version from the files on disk with the same function, so the page
// cache keys pages by the version the store will name, without reaching into the store's memory.
// Plain JS because `node server.mjs` has no build step; its types are in data-version.d.mts.
import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { DATA_FILES, SOURCES_DIR, SOURCES_FILE } from "../schema/data-files.mjs";

/** The data files a version is made of. */
export const VERSIONED_FILES = Object.values(DATA_FILES);

// `sources.json` (optional, a synthetic dataset has none) and every document of `sources/` are part of the version when present.
export { SOURCES_DIR, SOURCES_FILE };
/** The folder of guided tours (`tours/<id>.json`, optional): each tour is part of the version, as pages show them. */
export const TOURS_DIR = "tours";

/** How often at most the files are looked at for changes, by the store and by the page cache alike. */
export const CHECK_EVERY_MS = 1000;

/**
 * The response header a page carries with the version its render read (set by proxy.ts): the page
 * cache keeps a render only under the version it was made from, even if the files changed meanwhile.
 */
export const VERSION_HEADER = "x-dataset-version";

/**
 * An attribute the page's "data unavailable" view carries (a refused dataset, or the store failing
 * during the render): the page cache never keeps a page with it. A page cannot set its own status,
 * so a store failing after proxy.ts let the request through still answers 200, under the version
 * the proxy named; kept, it would be replayed for that version until the next one.
 */
export const UNAVAILABLE_MARK = "data-store-unavailable";

/** The data folder: EVENTS_DATA_DIR, else ./data of the working directory. */
export function dataDir() {
  // The folder is chosen at run time, so the bundler must not try to trace it.
  return path.resolve(/*turbopackIgnore: true*/ process.env.EVENTS_DATA_DIR ?? path.join(process.cwd(), "data"));
}

/**
 * Every file a version is made of, relative to `dir`, in a fixed order: the data files, `sources.json`,
 * whatever is in `sources/` now, and the tours in `tours/`. A document's title lives in `sources.json`
 * and its text in `sources/`; both reach pages and exports, so an edit of either is a new version (a
 * new ETag), and a deleted document changes the version, so the store reads the folder again and
 * reports it. A tour's text reaches its pages likewise.
 */
async function versionedFiles(dir) {
  const listed = (folder) => readdir(path.join(/*turbopackIgnore: true*/ dir, folder)).catch(() => []);
  const documents = await listed(SOURCES_DIR);
  const tours = (await listed(TOURS_DIR)).filter((name) => name.endsWith(".json"));
  return [
    ...VERSIONED_FILES,
    SOURCES_FILE,
    ...documents.sort().map((name) => `${SOURCES_DIR}/${name}`),
    ...tours.sort().map((name) => `${TOURS_DIR}/${name}`),
  ];
}

/** Names, sizes and modification times: cheap to read every second, and changed by any edit. */
export async function filesStamp(dir) {
  const files = await versionedFiles(dir);
  const stats = await Promise.all(
    files.map((f) =>
      stat(path.join(/*turbopackIgnore: true*/ dir, f)).then(
        (s) => `${f}:${s.size}:${s.mtimeMs}`,
        () => `${f}:missing`,
      ),
    ),
  );
  return stats.join("|");
}

/**
 * The version: a hash of the files' names and bytes, so the same data has the same version on every
 * server. Each file's length goes in before its bytes, so no two sets of files hash alike by
 * shifting bytes from one file to the next.
 */
export async function datasetVersion(dir) {
  const hash = createHash("sha256");
  for (const file of await versionedFiles(dir)) {
    const bytes = await readFile(path.join(/*turbopackIgnore: true*/ dir, file)).catch(() => null);
    hash.update(`${file}\0${bytes === null ? "missing" : bytes.length}\0`);
    if (bytes) hash.update(bytes);
  }
  return hash.digest("hex").slice(0, 12);
}

/**
 * The version of the files in `dir` now, looking at them at most every `everyMs` and hashing only
 * when their stamp changed. Concurrent callers share one look.
 */
export function versionWatcher(dir, { everyMs = CHECK_EVERY_MS, now = Date.now } = {}) {
  let stamp = null;
  let version = null;
  let checkedAt = -Infinity;
  let checking = null;
  async function check() {
    try {
      const fresh = await filesStamp(dir);
      if (fresh !== stamp || version === null) {
        // Hashed before the stamp is taken as seen: an edit during the hash is seen on the next look.
        version = await datasetVersion(dir);
        stamp = fresh;
      }
      checkedAt = now();
      return version;
    } finally {
      checking = null;
    }
  }
  return {
    current() {
      if (version !== null && now() - checkedAt <= everyMs) return Promise.resolve(version);
      checking ??= check();
      return checking;
    },
  };
}
