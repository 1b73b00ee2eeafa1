import "server-only";
import { indexDataset } from "./dataset";
import { CHECK_EVERY_MS, dataDir, datasetVersion, filesStamp } from "../data-version/data-version.mjs";
import { memorySnapshot } from "./memory-store";
import type { Store, StoreHealth, StoreSnapshot } from "./store";
import { prepareSearch } from "../search/search";
import { readDatasetDir } from "./read-dataset";
import { formatProblem, type DataProblem } from "./validate";
import { readTours } from "../tours/read-tours";

export { dataDir };

/**
 * The memory store's source: the data folder, read, validated and indexed in this process, and read
 * again when its files change. Each version is one immutable snapshot.
 */

export class DatasetError extends Error {
  // Next bundles each route and proxy.ts apart, each with a copy of this class of its own, while they
  // share one store (globalThis, below): a load that one bundle started rejects with its copy's error
  // in every bundle that awaits it. Told by name, `instanceof` holds across bundles (a concurrent
  // first request was a 500, and a page a 200, for a refused dataset).
  static [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof Error && value.name === "DatasetError";
  }

  constructor(
    readonly dir: string,
    readonly problems: DataProblem[],
  ) {
    super(`The dataset in ${dir} has ${problems.length} problem(s):\n${problems.map(formatProblem).join("\n")}`);
    this.name = "DatasetError";
  }
}

async function load(dir: string): Promise<StoreSnapshot> {
  const [{ dataset, problems, sourceTexts }, version] = await Promise.all([readDatasetDir(dir), datasetVersion(dir)]);
  if (!dataset) throw new DatasetError(dir, problems);
  // Tours tell of these very events: a tour with a problem refuses the version, as check:data does.
  const tours = await readTours(dir, dataset, sourceTexts);
  if (tours.problems.length > 0) throw new DatasetError(dir, tours.problems);
  const index = indexDataset(dataset, sourceTexts);
  // The search's word index takes seconds at 10⁵ events: built just after loading, not in the
  // first reader's search (a request arriving meanwhile waits, as it would have anyway).
  setTimeout(() => prepareSearch(index), 0).unref();
  return memorySnapshot(index, version, tours.tours);
}

interface State {
  dir: string;
  store: StoreSnapshot;
  stamp: string;
  checkedAt: number;
  /** Problems of a newer version on disk that was refused: routes keep serving `store`. */
  refused: DataProblem[];
  reloading: Promise<void> | null;
}

interface Slot {
  state: State | null;
  first: Promise<State> | null;
}

// On globalThis: Next bundles each route (and proxy.ts) separately, and all of them must share one
// store. Only Next's bundles read it: server.mjs learns the version from lib/data-version instead.
const shared = globalThis as unknown as { __eventStore?: Slot };
const slot = (shared.__eventStore ??= { state: null, first: null });

async function firstLoad(dir: string): Promise<State> {
  const stamp = await filesStamp(dir);
  const store = await load(dir);
  return { dir, store, stamp, checkedAt: Date.now(), refused: [], reloading: null };
}

/** Reads the files again if they changed; a valid new version replaces the old one for every route at once. */
function refresh(state: State): Promise<void> {
  state.reloading ??= (async () => {
    try {
      const stamp = await filesStamp(state.dir);
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
async function currentSnapshot(): Promise<StoreSnapshot> {
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

/** The version being served, and the problems of a refused newer one. */
async function health(): Promise<StoreHealth> {
  try {
    const store = await currentSnapshot();
    return { version: store.version, problems: slot.state?.refused ?? [] };
  } catch (error) {
    if (error instanceof DatasetError) return { version: null, problems: error.problems };
    throw error;
  }
}

export const memoryFolderStore: Store = { kind: "memory", snapshot: currentSnapshot, health };
