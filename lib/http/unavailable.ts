import "server-only";
import { publicProblems } from "../data/public-problems";
import { DatasetError, StoreUnavailableError, openSnapshot, type StoreSnapshot } from "../data/store";

/** Why a store gives no answers, for a page to say so (503, never half a view): a refused dataset, or a database that does not answer. */
export const isStoreRefusal = (error: unknown): error is DatasetError | StoreUnavailableError =>
  error instanceof DatasetError || error instanceof StoreUnavailableError;

/**
 * The store's snapshot for this request, or why there is none: a refused dataset (pages name its
 * problems) or a database that does not answer. Both make a route unavailable (503); any other
 * failure is a fault of ours and propagates, answering 500.
 */
export async function storeOrRefusal(): Promise<
  { store: StoreSnapshot; refused?: undefined } | { store?: undefined; refused: DatasetError | StoreUnavailableError }
> {
  try {
    return { store: await openSnapshot() };
  } catch (error) {
    if (error instanceof StoreUnavailableError) console.error(error.message);
    if (isStoreRefusal(error)) return { refused: error };
    throw error;
  }
}

/**
 * The answer of every API route while the dataset is refused: 503 with the problems as the error
 * page shows them (never the server's paths), not cached, retried once someone fixes the files.
 */
export function datasetUnavailable(error: DatasetError): Response {
  return Response.json(
    { error: "The dataset could not be loaded", problems: publicProblems(error.dir, error.problems) },
    { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": "30" } },
  );
}

/** What a visitor is told while the database does not answer: nothing of the server's addresses. */
export const STORE_UNAVAILABLE = "The database is not answering";

/** The answer of every API route while the store's database is down: 503, not cached, retried soon. */
export function storeUnavailable(extra: Record<string, unknown> = {}): Response {
  return Response.json(
    { ...extra, error: STORE_UNAVAILABLE, problems: [] },
    { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": "5" } },
  );
}

/** For API routes: the store's snapshot for this request, or the 503 to answer with (a refused dataset, or the database down). */
export async function storeOr503(): Promise<StoreSnapshot | Response> {
  const { store, refused } = await storeOrRefusal();
  if (store) return store;
  return refused instanceof StoreUnavailableError ? storeUnavailable() : datasetUnavailable(refused);
}

/**
 * An API route's handler whose store may fail after its snapshot opened (the database going down
 * mid-request): that answers the same 503 as a store already down, never a 500. A response whose
 * body is already streaming (an export) cannot change its status; it is cut short instead.
 */
export function storeFailuresAs503<A extends unknown[]>(handler: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      console.error(error.message);
      return storeUnavailable();
    }
  };
}
