import { describe, expect, it } from "vitest";
import { scrubOutcome } from "./scrub-outcome";

const Y = (y: number) => Date.UTC(y, 0, 1);
const extent = { startMs: Y(2014) + 5 * 86_400_000, endMs: Y(2025) + 300 * 86_400_000 };
const fitted = { startMs: Y(2013) + 150 * 86_400_000, endMs: Y(2026) + 290 * 86_400_000 };

describe("scrubOutcome", () => {
  it("treats a wobble of the hand as no change", () => {
    const after = { startMs: fitted.startMs + 3_600_000, endMs: fitted.endMs + 3_600_000 };
    expect(scrubOutcome(fitted, after, extent)).toEqual({ kind: "unchanged" });
  });

  it("reads a dragged window that still holds every event as no time filter", () => {
    const after = { startMs: fitted.startMs - 60 * 86_400_000, endMs: fitted.endMs - 60 * 86_400_000 };
    expect(scrubOutcome(fitted, after, extent)).toEqual({ kind: "everything" });
  });

  it("keeps a window that leaves some events out", () => {
    const after = { startMs: Y(2017), endMs: Y(2019) };
    expect(scrubOutcome(fitted, after, extent)).toEqual({ kind: "window", window: after });
    // Cutting off only the last days of the extent is a real choice too.
    const late = { startMs: fitted.startMs, endMs: extent.endMs - 86_400_000 };
    expect(scrubOutcome(fitted, late, extent).kind).toBe("window");
  });

  it("keeps any real move when there are no events to hold", () => {
    expect(scrubOutcome(fitted, { startMs: Y(2017), endMs: Y(2019) }, null).kind).toBe("window");
  });
});
