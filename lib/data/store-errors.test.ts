import { describe, expect, it } from "vitest";
import { DatasetError } from "./memory-folder";
import { StoreUnavailableError } from "./store-errors";
import { isStoreRefusal } from "../http/unavailable";

// Next gives each route and proxy.ts its own copy of these classes; an error thrown by another
// bundle's copy is what a copy made here by name stands for.
const fromAnotherBundle = (name: string) => Object.assign(new Error("thrown by another bundle's copy"), { name });

describe("store errors across Next's bundles", () => {
  it("are told by name, so a refused dataset is a refusal whichever bundle's load threw it", () => {
    expect(fromAnotherBundle("DatasetError")).toBeInstanceOf(DatasetError);
    expect(fromAnotherBundle("StoreUnavailableError")).toBeInstanceOf(StoreUnavailableError);
    expect(isStoreRefusal(fromAnotherBundle("DatasetError"))).toBe(true);
    expect(new DatasetError("data", [])).toBeInstanceOf(DatasetError);
  });

  it("are not any other error", () => {
    expect(new Error("boom")).not.toBeInstanceOf(DatasetError);
    expect(new RangeError("boom")).not.toBeInstanceOf(StoreUnavailableError);
    expect(isStoreRefusal(new TypeError("boom"))).toBe(false);
    expect(isStoreRefusal("DatasetError")).toBe(false);
  });
});
