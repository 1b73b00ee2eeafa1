import "server-only";

/** The dataset every statement filters by: DATASET_KEY, or "default" (one database may hold several). */
export const datasetKey = () => process.env.DATASET_KEY || "default";
