/**
 * Where each pin's name goes, so that names stay legible: beside the badge on the first side where it
 * overlaps no badge, no name placed before it and not the map's edge. Pins come busiest first, so a
 * crowded spot keeps the names that matter most; a name with no free side is left out (the pin keeps
 * its count, its accessible name and its tooltip). Pure, so it is tested without a map.
 */

export type LabelSide = "right" | "left" | "top" | "bottom";
const SIDES: readonly LabelSide[] = ["right", "left", "top", "bottom"];

export interface LabelCandidate {
  id: string;
  /** The badge's centre in screen pixels, relative to the map's top left corner. */
  x: number;
  y: number;
  /** The badge's radius. */
  radius: number;
  width: number;
  height: number;
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Space between a badge and its name (the CSS puts the label there: keep the two in step). */
export const LABEL_GAP = 3;
const LABEL_FONT_PX = 12;
const LABEL_PADDING_X = 8;
export const LABEL_HEIGHT = 18;

/**
 * A label's size before it is drawn, from its text: wide (CJK) characters take a full em, others
 * about 0.62 em in the label's bold 12 px face. Overestimates slightly, which only costs a label
 * now and then, never an overlap.
 */
export function labelSize(text: string): { width: number; height: number } {
  let width = LABEL_PADDING_X;
  for (const ch of text) width += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/.test(ch) ? LABEL_FONT_PX : LABEL_FONT_PX * 0.62;
  return { width: Math.ceil(width), height: LABEL_HEIGHT };
}

/** The screen box a label takes on the given side of its badge. */
export function labelBox(c: LabelCandidate, side: LabelSide): Box {
  const offset = c.radius + LABEL_GAP;
  const { x, y, width: w, height: h } = c;
  switch (side) {
    case "right":
      return { left: x + offset, top: y - h / 2, right: x + offset + w, bottom: y + h / 2 };
    case "left":
      return { left: x - offset - w, top: y - h / 2, right: x - offset, bottom: y + h / 2 };
    case "top":
      return { left: x - w / 2, top: y - offset - h, right: x + w / 2, bottom: y - offset };
    case "bottom":
      return { left: x - w / 2, top: y + offset, right: x + w / 2, bottom: y + offset + h };
  }
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const badgeBox = (c: LabelCandidate): Box => ({ left: c.x - c.radius, top: c.y - c.radius, right: c.x + c.radius, bottom: c.y + c.radius });

/**
 * Picks a side for each candidate's label, or null where none is free. `frame` is the map's size:
 * a label may not stick out of it (it would be cut off), and a badge off screen gets none.
 * `covered` are the boxes of what sits over the map (buttons, legend, notes): no name goes under them.
 */
export function placeLabels(
  candidates: readonly LabelCandidate[],
  frame: { width: number; height: number },
  covered: readonly Box[] = [],
): Map<string, LabelSide | null> {
  const taken: Box[] = [...candidates.map(badgeBox), ...covered];
  const placed = new Map<string, LabelSide | null>();
  const inFrame = (b: Box) => b.left >= 0 && b.top >= 0 && b.right <= frame.width && b.bottom <= frame.height;
  candidates.forEach((c, i) => {
    // A badge off screen has no name: it would float alone at the edge, pointing at nothing.
    if (c.x < 0 || c.y < 0 || c.x > frame.width || c.y > frame.height) return void placed.set(c.id, null);
    const others = taken.filter((_, j) => j !== i);
    const side = SIDES.find((s) => {
      const box = labelBox(c, s);
      return inFrame(box) && !others.some((t) => overlaps(box, t));
    });
    placed.set(c.id, side ?? null);
    if (side) taken.push(labelBox(c, side));
  });
  return placed;
}

export interface SpreadCandidate {
  id: string;
  x: number;
  y: number;
  radius: number;
  /** How many events the pin stands for: busier pins move less. */
  weight: number;
}

/** Space left between two badges pushed apart. */
const BADGE_GAP = 2;

/**
 * Nudges badges that overlap apart until they just touch, each pair moving in proportion to the
 * other's weight (Shanghai with 7 events barely moves, Suzhou with 1 makes the room), so places a
 * few pixels apart stay separate, readable pins instead of merging into a cluster. The pin then
 * draws a short leader line back to its true spot. Only for small overlaps: clustering takes the
 * rest. Deterministic (no randomness), so every reader sees the same layout.
 */
export function spreadPins(pins: readonly SpreadCandidate[], rounds = 30): Map<string, { x: number; y: number }> {
  const at = pins.map((p) => ({ x: p.x, y: p.y }));
  for (let round = 0; round < rounds; round++) {
    let moved = false;
    for (let i = 0; i < pins.length; i++) {
      for (let j = i + 1; j < pins.length; j++) {
        const dx = at[j].x - at[i].x;
        const dy = at[j].y - at[i].y;
        const distance = Math.hypot(dx, dy);
        const needed = pins[i].radius + pins[j].radius + BADGE_GAP;
        if (distance >= needed - 0.01) continue;
        // Identical spots: part them along the line of their order, so the result does not depend on luck.
        const [ux, uy] = distance > 0.01 ? [dx / distance, dy / distance] : [1, 0];
        const push = needed - distance;
        const total = pins[i].weight + pins[j].weight;
        at[i].x -= ux * push * (pins[j].weight / total);
        at[i].y -= uy * push * (pins[j].weight / total);
        at[j].x += ux * push * (pins[i].weight / total);
        at[j].y += uy * push * (pins[i].weight / total);
        moved = true;
      }
    }
    if (!moved) break;
  }
  return new Map(pins.map((p, i) => [p.id, at[i]]));
}
