// The names of the dataset's files, in one place. Plain JS without imports because lib/data-version
// (which `node server.mjs` runs with no build step) names a version from the same files; its types
// are in data-files.d.mts.

/** The four data files of a dataset folder, by kind of record. */
export const DATA_FILES = Object.freeze({
  events: "events.json",
  places: "places.json",
  organizations: "organizations.json",
  categories: "categories.json",
});

/** The list of source documents: optional (a synthetic dataset has none). */
export const SOURCES_FILE = "sources.json";
/** The folder, beside `sources.json`, of the documents it lists. */
export const SOURCES_DIR = "sources";
