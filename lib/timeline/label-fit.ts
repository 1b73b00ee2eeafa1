/**
 * Where each timeline label may end. Rows are one line high (so every row fits on screen), which
 * means a label must stop before the next item in its row and before the panel's right edge, and a
 * point whose dot lies left of the window must not spill its label into it. Pure geometry, in
 * pixels relative to the panel; the browser measures, this decides.
 */
export interface PlacedItem {
  id: string;
  /** Where the item itself begins (a point's dot, a bar's left end). */
  anchor: number;
  /** A bar's right end: a bar begun before the window still shows its label inside it. */
  end?: number;
  /** Where its label begins. */
  labelLeft: number;
  /** The selected item keeps its label whole, drawn over its neighbours. */
  selected?: boolean;
  /** The label's whole width: the last label in a row may then be drawn to the left of its point. */
  natural?: number;
}

export interface LabelRoom {
  id: string;
  /** Null: no label (no room for a readable one, or its item is outside the window). */
  maxWidth: number | null;
  /** Where the label's left edge goes instead, when it is drawn to the left of its point. */
  flippedLeft?: number;
}

/** Narrower than this, a label would show a letter or two: better none, the tooltip and name stay. */
export const MIN_LABEL = 28;
const GAP = 6;

export function fitLabels(row: readonly PlacedItem[], panelWidth: number): LabelRoom[] {
  const sorted = [...row].sort((a, b) => a.anchor - b.anchor);
  const rooms: LabelRoom[] = sorted.map((item, i) => {
    if ((item.end ?? item.anchor) < 0) return { id: item.id, maxWidth: null };
    // Any later item ends the label, even one that starts under the label's first letters (then: no label).
    const next = item.selected ? undefined : sorted[i + 1];
    const end = Math.min(next ? next.anchor - GAP : Infinity, panelWidth - 2);
    const room = Math.floor(end - item.labelLeft);
    return { id: item.id, maxWidth: room >= MIN_LABEL ? room : null };
  });
  flipLastLabel(sorted, rooms, panelWidth);
  return rooms;
}

/**
 * The last point in a row, near the window's right edge, would show "UNESC…": its label goes to the
 * left of the point instead when more of it fits there, and the label before it ends short of it.
 */
function flipLastLabel(sorted: readonly PlacedItem[], rooms: LabelRoom[], panelWidth: number): void {
  const i = sorted.length - 1;
  const last = sorted[i];
  // Only a point on screen: one past either edge has no label at all.
  if (!last || last.end !== undefined || last.natural === undefined || last.anchor < 0 || last.anchor > panelWidth - 2) return;
  const right = rooms[i].maxWidth ?? 0;
  if (right >= last.natural) return;
  const prev = sorted[i - 1];
  // Room for the previous label's readable minimum stays; with no previous item, the panel's left edge.
  const leftLimit = prev ? Math.max(prev.labelLeft + MIN_LABEL, prev.end ?? prev.anchor) + GAP : 2;
  const width = Math.floor(Math.min(last.natural, last.anchor - GAP - leftLimit));
  if (width <= right || width < MIN_LABEL) return;
  const flippedLeft = last.anchor - GAP - width;
  rooms[i] = { id: last.id, maxWidth: width, flippedLeft };
  if (prev && rooms[i - 1].maxWidth !== null && !prev.selected)
    rooms[i - 1] = { id: prev.id, maxWidth: Math.min(rooms[i - 1].maxWidth!, Math.floor(flippedLeft - GAP - prev.labelLeft)) };
}
