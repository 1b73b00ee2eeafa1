import "server-only";
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { indexDataset } from "./dataset";
import { memoryStore, type EventStore } from "./memory-store";
import { prepareSearch } from "./search";
import { readDatasetDir } from "./read-dataset";
import { DATA_FILES, formatProblem, type DataProblem } from "./validate";

export type { EventStore };

export class DatasetError extends Error {
  constructor(
    readonly dir: string,
    readonly problems: DataProblem[],
  ) {
    super(`The dataset in ${dir} has ${problems.length} problem(s):\n${problems.map(formatProblem).join("\n")}`);
    this.name = "DatasetError";
  }
}

export function dataDir(): string {
  // The folder is chosen at run time (EVENTS_DATA_DIR), so the bundler must not try to trace it.
  return path.resolve(/*turbopackIgnore: true*/ process.env.EVENTS_DATA_DIR ?? path.join(process.cwd(), "data"));
}

const FILES = Object.values(DATA_FILES);
/** How often at most the files are looked at for changes. */
const CHECK_EVERY_MS = 1000;

async function stampOf(dir: string): Promise<string> {
  const stats = await Promise.all(FILES.map((f) => stat(path.join(dir, f)).then((s) => `${s.size}:${s.mtimeMs}`, () => "missing")));
  return stats.join("|");
}

async function versionOf(dir: string): Promise<string> {
  const hash = createHash("sha256");
  for (const file of FILES) hash.update(await readFile(path.join(dir, file)).catch(() => Buffer.alloc(0)));
  return hash.digest("hex").slice(0, 12);
}

async function load(dir: string): Promise<EventStore> {
  const [{ dataset, problems, sourceTexts }, version] = await Promise.all([readDatasetDir(dir), versionOf(dir)]);
  if (!dataset) throw new DatasetError(dir, problems);
  const index = indexDataset(dataset, sourceTexts);
  // The search's word index takes seconds at 10⁵ events: built just after loading, not in the
  // first reader's search (a request arriving meanwhile waits, as it would have anyway).
  setTimeout(() => prepareSearch(index), 0).unref();
  return memoryStore(index, version);
}

interface State {
  dir: string;
  store: EventStore;
  stamp: string;
  checkedAt: number;
  /** Problems of a newer version on disk that was refused: routes keep serving `store`. */
  refused: DataProblem[];
  reloading: Promise<void> | null;
}

interface Slot {
  state: State | null;
  first: Promise<State> | null;
  /** The page cache's hook (server.mjs), set below: see `servingVersion`. */
  servingVersion?: () => Promise<string | null>;
}

// On globalThis: Next bundles each route separately, and all of them must share one store.
const shared = globalThis as unknown as { __eventStore?: Slot };
const slot = (shared.__eventStore ??= { state: null, first: null });

async function firstLoad(dir: string): Promise<State> {
  const stamp = await stampOf(dir);
  const store = await load(dir);
  return { dir, store, stamp, checkedAt: Date.now(), refused: [], reloading: null };
}

/** Reads the files again if they changed; a valid new version replaces the old one for every route at once. */
function refresh(state: State): Promise<void> {
  state.reloading ??= (async () => {
    try {
      const stamp = await stampOf(state.dir);
      state.checkedAt = Date.now();
      if (stamp === state.stamp) return;
      state.stamp = stamp;
      try {
        state.store = await load(state.dir);
        state.refused = [];
      } catch (error) {
        if (!(error instanceof DatasetError)) throw error;
        state.refused = error.problems;
        console.error(`Keeping dataset version ${state.store.version}; the files on disk were refused.\n${error.message}`);
      }
    } finally {
      state.reloading = null;
    }
  })();
  return state.reloading;
}

/**
 * The store for the current data folder. At start-up a bad dataset is refused (DatasetError, and
 * nothing is cached, so fixing the files fixes the next request); later, a bad edit keeps the last
 * good version serving and is reported by `dataHealth()`.
 */
export async function getStore(): Promise<EventStore> {
  const dir = dataDir();
  const state = slot.state;
  if (state?.dir === dir) {
    if (Date.now() - state.checkedAt > CHECK_EVERY_MS) await refresh(state);
    return state.store;
  }
  slot.first ??= firstLoad(dir).then(
    (loaded) => {
      slot.state = loaded;
      slot.first = null;
      return loaded;
    },
    (error: unknown) => {
      slot.first = null;
      if (error instanceof DatasetError) console.error(error.message);
      throw error;
    },
  );
  return (await slot.first).store;
}

/** For /api/health: the version being served, and the problems of a refused newer one. */
export async function dataHealth(): Promise<{ version: string | null; problems: DataProblem[] }> {
  try {
    const store = await getStore();
    return { version: store.version, problems: slot.state?.refused ?? [] };
  } catch (error) {
    if (error instanceof DatasetError) return { version: null, problems: error.problems };
    throw error;
  }
}

/**
 * The version routes would serve right now, checking the files as often as `getStore` does (so a
 * new version on disk is seen within CHECK_EVERY_MS), or null while no dataset is being served
 * (none loaded yet, or refused at start-up). Never starts a first load.
 *
 * server.mjs, outside Next's bundles, reads it from `globalThis.__eventStore.servingVersion` to
 * serve a cached page only for the version a render would use now.
 */
async function servingVersion(): Promise<string | null> {
  const state = slot.state;
  if (state?.dir !== dataDir()) return null;
  if (Date.now() - state.checkedAt > CHECK_EVERY_MS) await refresh(state);
  return state.store.version;
}
slot.servingVersion = servingVersion;
