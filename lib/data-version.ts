import { createHash } from "node:crypto";
import type { DatasetIndex } from "./dataset";

const versions = new WeakMap<DatasetIndex, string>();

/**
 * A short content hash of the loaded dataset: caches (previews, later the API) key on it, so an
 * edited dataset gets new previews and ETags. Computed once per loaded index. The per-process
 * store that replaces `lib/load.ts` can swap this for its own version number: keep this signature.
 */
export function dataVersion(index: DatasetIndex): string {
  let version = versions.get(index);
  if (!version) {
    version = createHash("sha256").update(JSON.stringify(index.dataset)).digest("base64url").slice(0, 16);
    versions.set(index, version);
  }
  return version;
}
