import "server-only";

/**
 * The store's service (the database) did not answer: routes answer 503 with a plain message and
 * the next request tries again. A refused dataset is a `DatasetError` instead.
 */
export class StoreUnavailableError extends Error {
  // As DatasetError (lib/data/memory-folder.ts): one copy per Next bundle, one shared store.
  static [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof Error && value.name === "StoreUnavailableError";
  }

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StoreUnavailableError";
  }
}
