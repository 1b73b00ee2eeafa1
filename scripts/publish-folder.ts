// The one way a data folder reaches PostgreSQL, shared by `db:load` and `import --publish`: validated
// as check:data validates it (a bad folder is refused and the database is not touched), pending
// migrations applied, then loaded with COPY as a new version and published in one transaction
// (lib/data/pg/load.ts).
import pg from "pg";
import { migrate } from "../lib/data/pg/migrate";
import { loadAndPublish } from "../lib/data/pg/load";
import { checkFolder } from "./check-folder";
import type { DataProblem } from "../lib/data/validate";

export type PublishResult =
  { ok: true; version: string; events: number; migrations: string[] } | { ok: false; problems: DataProblem[]; note: string };

/** Publishes `dir` as the new version of `datasetKey`; throws when the database fails (the published version is then unchanged). */
export async function publishFolder(dir: string, url: string, datasetKey: string): Promise<PublishResult> {
  const checked = await checkFolder(dir);
  if (!checked.ok) return checked;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    const migrations = await migrate(client);
    const { version, events } = await loadAndPublish(client, datasetKey, checked.dataset, checked.sourceTexts, checked.tours);
    // The visibility map, outside the load's transaction: counts over the new rows become index-only scans.
    await client.query("VACUUM events, event_records, event_search, search_words, event_months");
    return { ok: true, version, events, migrations };
  } finally {
    await client.end().catch(() => {});
  }
}
