import { describe, expect, it } from "vitest";
import { fitLabels, MIN_LABEL } from "./label-fit";

const room = (rooms: { id: string; maxWidth: number | null }[]) => Object.fromEntries(rooms.map((r) => [r.id, r.maxWidth]));

describe("fitLabels", () => {
  it("ends each label before the next item in its row and before the panel's edge", () => {
    const rooms = room(
      fitLabels(
        [
          { id: "late", anchor: 700, labelLeft: 710 },
          { id: "early", anchor: 100, labelLeft: 110 },
        ],
        800,
      ),
    );
    expect(rooms.early).toBe(700 - 6 - 110);
    expect(rooms.late).toBe(800 - 2 - 710);
  });

  it("ends a label at an item that starts under it", () => {
    const rooms = room(
      fitLabels(
        [
          { id: "a", anchor: 100, labelLeft: 110 },
          { id: "b", anchor: 105, labelLeft: 115 },
        ],
        800,
      ),
    );
    expect(rooms.a).toBeNull();
    expect(rooms.b).toBe(800 - 2 - 115);
  });

  it("drops a label with no readable room, and one whose point lies left of the window", () => {
    const rooms = room(
      fitLabels(
        [
          { id: "crowded", anchor: 100, labelLeft: 110 },
          { id: "next", anchor: 120, labelLeft: 130 },
          { id: "before-window", anchor: -4, labelLeft: 6 },
          { id: "at-edge", anchor: 790, labelLeft: 800 - MIN_LABEL },
        ],
        800,
      ),
    );
    expect(rooms.crowded).toBeNull();
    expect(rooms["before-window"]).toBeNull();
    expect(rooms["at-edge"]).toBeNull();
    expect(rooms.next).toBeGreaterThan(MIN_LABEL);
  });

  it("keeps the label of a bar begun before the window, and the selected label whole", () => {
    const rooms = room(
      fitLabels(
        [
          { id: "bar", anchor: -300, end: 200, labelLeft: 0 },
          { id: "picked", anchor: 300, labelLeft: 310, selected: true },
          { id: "after", anchor: 350, labelLeft: 360 },
        ],
        800,
      ),
    );
    expect(rooms.bar).toBe(300 - 6);
    // The selected label runs over "after"; "after" keeps its own.
    expect(rooms.after).toBe(800 - 2 - 360);
    expect(rooms.picked).toBe(800 - 2 - 310);
  });

  it("draws the last label of a row to the left of its point when more of it fits there", () => {
    const rooms = fitLabels(
      [
        { id: "early", anchor: 100, labelLeft: 110, natural: 300 },
        { id: "edge", anchor: 760, labelLeft: 770, natural: 200 },
      ],
      800,
    );
    const edge = rooms.find((r) => r.id === "edge")!;
    expect(edge).toEqual({ id: "edge", maxWidth: 200, flippedLeft: 760 - 6 - 200 });
    // The label before it now ends short of the flipped one.
    expect(rooms.find((r) => r.id === "early")!.maxWidth).toBe(760 - 6 - 200 - 6 - 110);
  });

  it("leaves a last label that fits where it is, a bar, and one with no more room on the left", () => {
    const fits = fitLabels([{ id: "a", anchor: 100, labelLeft: 110, natural: 80 }], 800);
    expect(fits[0].flippedLeft).toBeUndefined();
    const bar = fitLabels([{ id: "b", anchor: 700, end: 790, labelLeft: 700, natural: 300 }], 800);
    expect(bar[0].flippedLeft).toBeUndefined();
    const crowded = fitLabels(
      [
        { id: "c", anchor: 720, labelLeft: 730, natural: 100 },
        { id: "d", anchor: 760, labelLeft: 770, natural: 100 },
      ],
      800,
    );
    expect(crowded.find((r) => r.id === "d")!.flippedLeft).toBeUndefined();
    const offScreen = fitLabels([{ id: "e", anchor: 900, labelLeft: 910, natural: 100 }], 800);
    expect(offScreen[0]).toEqual({ id: "e", maxWidth: null });
  });
});
