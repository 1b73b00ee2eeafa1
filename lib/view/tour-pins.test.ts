import path from "node:path";
import { describe, expect, it } from "vitest";
import { liveScrub } from "@/components/dashboard/live-scrub";
import { readDatasetDir } from "../data/read-dataset";
import { indexDataset } from "../data/dataset";
import { memorySnapshot } from "../data/memory-store";
import { windowOf } from "../core/time-window";
import { readTours } from "../tours/read-tours";
import { readLink, stepStops } from "../tours/steps";
import { browserView, computeView, withTourStops } from "./view-model";

/*
 * The bundled tour "UNESCO-ICHEI in Shenzhen", step "founding" (Shenzhen, 2016): the server rings
 * Shenzhen's pin and names it so; the live pins of a playback frame do the same only while one of
 * the step's events is in the frame.
 */
const bundled = path.resolve(import.meta.dirname, "../../data");
const loaded = await readDatasetDir(bundled);
const { tours } = await readTours(bundled, loaded.dataset!, loaded.sourceTexts);
const store = memorySnapshot(indexDataset(loaded.dataset!, loaded.sourceTexts), "v1", tours);

async function stepView(link: string) {
  const { query, step } = await readLink(store, new URLSearchParams(link));
  // As app/page.tsx does.
  const shown = browserView(await computeView(store, query));
  const view = step ? withTourStops(shown, await stepStops(step, query, store), windowOf(query)) : shown;
  return { query, view };
}

describe("a tour step's pins", () => {
  it("are ringed and named so by the server", async () => {
    const { view } = await stepView("tour=ichei-shenzhen&step=founding");
    const shenzhen = view.pins.find((p) => p.placeId === "shenzhen")!;
    expect(shenzhen.tour).toBe(true);
    expect(shenzhen.label).toBe("Shenzhen — 2 events, part of this tour step");
    expect(view.pins.filter((p) => p.tour)).toHaveLength(1);
  });

  it("stay ringed in a live frame only while the step's events are in it", async () => {
    const { query, view } = await stepView("tour=ichei-shenzhen&step=founding");
    const columns = await store.scrubIndex(query);
    const scrub = liveScrub(columns!.slice().buffer);
    const pinAt = (from: string, to: string) => scrub({ from, to }, view).pins.find((p) => p.placeId === "shenzhen");
    expect(pinAt("2016-06", "2016-06")).toMatchObject({ tour: true });
    // Shenzhen's later events, none of them the step's: the pin is there, not ringed.
    const later = pinAt("2019", "2025");
    expect(later).toBeDefined();
    expect(later!.tour).toBeUndefined();
  });

  it("are plain outside a tour", async () => {
    const { view } = await stepView("city=shenzhen&from=2016&to=2016");
    expect(view.pins.some((p) => p.tour)).toBe(false);
  });
});
