import "server-only";
// The rules live in lib/schema (browser-safe: the importer validates in a browser worker too).
export * from "../schema/validate";
