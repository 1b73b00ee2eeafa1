// The one way a data folder reaches PostgreSQL, shared by `db:load` and `import --publish`: pending
// migrations applied, then the folder validated as check:data validates it while it is loaded with
// COPY as a new version, published in one transaction (lib/data/pg/load.ts `loadFolder`): a bad
// folder is refused and nothing is published. events.json is streamed, so a folder of any size loads.
import pg from "pg";
import { migrate } from "../lib/data/pg/migrate";
import { dropGoneVersions, loadFolder, tableOf, type Phases } from "../lib/data/pg/load";
import type { DataProblem } from "../lib/data/validate";

export type PublishResult =
  | { ok: true; version: string; events: number; migrations: string[]; phases: Phases }
  | { ok: false; problems: DataProblem[]; note: string };

/** Publishes `dir` as the new version of `datasetKey`; throws when the database fails (the published version is then unchanged). */
export async function publishFolder(dir: string, url: string, datasetKey: string): Promise<PublishResult> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    const migrations = await migrate(client);
    const loaded = await loadFolder(client, datasetKey, dir);
    if (!loaded.ok) return loaded;
    const started = performance.now();
    // Outside the load's transaction: the tables of deleted versions dropped, and the new tables'
    // visibility map set (counts over the new rows become index-only scans).
    await dropGoneVersions(client);
    const own = (["events", "event_records", "event_search"] as const).map((table) => tableOf(table, loaded.versionId));
    await client.query(`VACUUM ${own.join(", ")}, search_words, event_months`);
    const phases: Phases = [...loaded.phases, ["vacuum", (performance.now() - started) / 1000]];
    return { ok: true, version: loaded.version, events: loaded.events, migrations, phases };
  } finally {
    await client.end().catch(() => {});
  }
}
