// The PostgreSQL store's version, named the same way on both sides of Next's bundler (as
// data-version.mjs names the files' version): lib/data/pg/pg-store.ts (inside Next's bundles) opens
// each request's snapshot on the version this reads, and server.mjs's page cache (outside them)
// keys pages by it. Both read the `published` row, so a load's new version is seen by the store on
// its next request and by the page cache within CHECK_EVERY_MS, as an edit of the files is.
// Plain JS because `node server.mjs` has no build step; its types are in published-version.d.mts.
import { CHECK_EVERY_MS } from "./data-version.mjs";

/** The dataset every statement filters by: DATASET_KEY, or "default" (one database may hold several). */
export const datasetKey = () => process.env.DATASET_KEY || "default";

/** The version string readers see (ETags, caches, /api/health): the version id, then the content's hash. */
export const versionName = (versionId, contentHash) => `pg${versionId}-${contentHash}`;

/** The published version of dataset $1: no row when none is. */
export const PUBLISHED_VERSION_SQL = `SELECT p.version::text AS version, v.content_hash FROM published p
  JOIN dataset_versions v ON v.dataset = p.dataset AND v.version = p.version WHERE p.dataset = $1`;

/**
 * Connect and statement timeouts of every pool: a database that is down or stuck gives a 503 within
 * seconds (the connect timeout, or the statement's), never a hung request.
 */
export const POOL_TIMEOUTS = { connectionTimeoutMillis: 3000, statement_timeout: 3500, query_timeout: 4000 };

/**
 * The published version of `dataset` now, read from `pool` at most every `everyMs`; concurrent
 * callers share one read. Null when none is published, or while the database does not answer
 * (the page cache then renders uncached, and the page says why).
 */
export function publishedVersionWatcher(pool, dataset, { everyMs = CHECK_EVERY_MS, now = Date.now } = {}) {
  let version = null;
  let checkedAt = -Infinity;
  let checking = null;
  async function check() {
    try {
      const { rows } = await pool.query(PUBLISHED_VERSION_SQL, [dataset]);
      version = rows[0] ? versionName(rows[0].version, rows[0].content_hash) : null;
    } catch {
      version = null; // the render's own snapshot fails too, and reports it (proxy.ts logs it)
    } finally {
      checkedAt = now();
      checking = null;
    }
    return version;
  }
  return {
    current() {
      if (now() - checkedAt <= everyMs) return Promise.resolve(version);
      checking ??= check();
      return checking;
    },
  };
}
