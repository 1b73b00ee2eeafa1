import "server-only";
// The schema lives in lib/schema (browser-safe: the importer validates in a browser worker too).
export * from "../schema/schema";
