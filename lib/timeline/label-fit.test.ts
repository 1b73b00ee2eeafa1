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
});
