import type { DataSet } from "vis-data/esnext";

/**
 * Bring a DataSet to exactly `next`, touching only what changed: vis-timeline re-renders (and
 * re-clusters) every item it is told about, so re-sending 10⁵ unchanged items on each filter change
 * would freeze the page. `keys` remembers each stored row's signature between calls.
 */
export interface RowDiff<T> {
  removed: string[];
  changed: T[];
}

export function diffRows<T extends { id: string }>(keys: Map<string, string>, next: T[], signature: (row: T) => string): RowDiff<T> {
  const seen = new Set<string>();
  const changed: T[] = [];
  for (const row of next) {
    seen.add(row.id);
    const key = signature(row);
    if (keys.get(row.id) !== key) {
      keys.set(row.id, key);
      changed.push(row);
    }
  }
  const removed = [...keys.keys()].filter((id) => !seen.has(id));
  for (const id of removed) keys.delete(id);
  return { removed, changed };
}

export function applyDiff<T extends { id: string }>(data: DataSet<T, "id">, diff: RowDiff<T>): void {
  // update() merges fields into the stored row, so a row that lost a field (a point that was a
  // range, an item leaving its group) is replaced instead.
  const replaced: T[] = [];
  const updated: T[] = [];
  for (const row of diff.changed) {
    const old = data.get(row.id) as Record<string, unknown> | null;
    if (old && Object.keys(old).some((key) => !(key in row))) replaced.push(row);
    else updated.push(row);
  }
  const removed = [...diff.removed, ...replaced.map((row) => row.id)];
  if (removed.length > 0) data.remove(removed);
  const upserts = [...updated, ...replaced];
  if (upserts.length > 0) data.update(upserts as Parameters<typeof data.update>[0]);
}
