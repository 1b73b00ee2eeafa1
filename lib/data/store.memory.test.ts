import { vi } from "vitest";
import { indexDataset } from "./dataset";
import { fixedMemoryStore } from "./memory-store";
import { runStoreContract } from "./store.contract";

vi.mock("server-only", () => ({}));

runStoreContract("memory", async (dataset, sourceTexts) => fixedMemoryStore(indexDataset(dataset, sourceTexts), "contract-v1"));
