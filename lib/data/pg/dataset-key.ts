import "server-only";

// The dataset every statement filters by: DATASET_KEY, or "default" (one database may hold several).
// Named in lib/data-version, which server.mjs's page cache shares.
export { datasetKey } from "../../data-version/published-version.mjs";
