export const DATA_FILES: {
  readonly events: "events.json";
  readonly places: "places.json";
  readonly organizations: "organizations.json";
  readonly categories: "categories.json";
};
export const SOURCES_FILE: "sources.json";
export const SOURCES_DIR: "sources";
