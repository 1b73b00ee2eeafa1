/** The bounds on what the importer reads, in one place: a file past them is refused before it is read whole. */
export const LIMITS = {
  /** The largest file read (a 10⁵-event CSV export is about 40 MB). */
  maxFileBytes: 50 * 1024 * 1024,
  /** An .xlsx is a zip: what its entries may unpack to, together and each against its packed size. */
  maxUnzippedBytes: 200 * 1024 * 1024,
  maxZipRatio: 100,
  maxZipEntries: 2000,
} as const;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
