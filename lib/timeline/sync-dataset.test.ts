import { describe, expect, it } from "vitest";
import { DataSet } from "vis-data/esnext";
import { applyDiff, diffRows } from "./sync-dataset";

// What vis-timeline sees of a sync: the DataSet's events. Every id in an add/update/remove event is
// an item vis re-renders and re-clusters, which is what the diff exists to keep small.
interface Row {
  id: string;
  start: number;
  end?: number;
  group?: string;
  content: string;
}

const signature = (row: Row) => JSON.stringify([row.start, row.end, row.group, row.content]);

function syncedDataSet(initial: Row[]) {
  const data = new DataSet<Row, "id">();
  const keys = new Map<string, string>();
  const sync = (next: Row[]) => applyDiff(data, diffRows(keys, next, signature));
  sync(initial);
  const touched: Record<"add" | "update" | "remove", string[]> = { add: [], update: [], remove: [] };
  data.on("*", (event, payload) => {
    if (event in touched) touched[event as keyof typeof touched].push(...(payload as { items: string[] }).items);
  });
  return { data, sync, touched };
}

const a: Row = { id: "a", start: 1, content: "Founding" };
const b: Row = { id: "b", start: 2, end: 5, group: "beijing", content: "Forum" };
const c: Row = { id: "c", start: 3, content: "Agreement" };

describe("syncing timeline rows into a DataSet", () => {
  it("sends nothing when no row changed", () => {
    const { sync, touched } = syncedDataSet([a, b, c]);
    sync([{ ...a }, { ...b }, { ...c }]); // equal rows, new objects, as each render makes them
    expect(touched).toEqual({ add: [], update: [], remove: [] });
  });

  it("updates a changed row and leaves its unchanged neighbours alone", () => {
    const { data, sync, touched } = syncedDataSet([a, b, c]);
    sync([a, { ...b, content: "Forum (renamed)" }, c]);
    expect(data.get("b")?.content).toBe("Forum (renamed)");
    expect([...touched.add, ...touched.update, ...touched.remove]).not.toContain("a");
    expect([...touched.add, ...touched.update, ...touched.remove]).not.toContain("c");
  });

  it("removes a row that is gone and adds a new one", () => {
    const { data, sync, touched } = syncedDataSet([a, b, c]);
    const d: Row = { id: "d", start: 4, content: "Launch" };
    sync([a, c, d]);
    expect(data.getIds().sort()).toEqual(["a", "c", "d"]);
    expect(touched.remove).toEqual(["b"]);
    expect(touched.update).not.toContain("a");
  });

  it("drops a field a row no longer has: a span that became a point, an item that left its row", () => {
    const { data, sync } = syncedDataSet([a, b, c]);
    const { end: _end, group: _group, ...point } = b;
    sync([a, point, c]);
    expect(data.get("b")).toEqual(point);
    expect(data.get("b")).not.toHaveProperty("end");
    expect(data.get("b")).not.toHaveProperty("group");
  });

  it("replaces only the row that lost a field", () => {
    const { sync, touched } = syncedDataSet([a, b, c]);
    const { end: _end, ...withoutEnd } = b;
    sync([a, withoutEnd, { ...c, content: "Agreement signed" }]);
    expect(touched.remove).toEqual(["b"]);
    expect([...touched.add, ...touched.update].sort()).toEqual(["b", "c"]);
  });
});
