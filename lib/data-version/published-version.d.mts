export function datasetKey(): string;
export function versionName(versionId: string, contentHash: string): string;
export const PUBLISHED_VERSION_SQL: string;
export const POOL_TIMEOUTS: { connectionTimeoutMillis: number; statement_timeout: number; query_timeout: number };
export interface PublishedVersionWatcher {
  /** The published version now, as the store names it, or null (none published, or the database not answering). */
  current(): Promise<string | null>;
}
export function publishedVersionWatcher(
  pool: { query(sql: string, values: unknown[]): Promise<{ rows: { version: string; content_hash: string }[] }> },
  dataset: string,
  options?: { everyMs?: number; now?: () => number },
): PublishedVersionWatcher;
