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
}

export interface LabelRoom {
  id: string;
  /** Null: no label (no room for a readable one, or its item is outside the window). */
  maxWidth: number | null;
}

/** Narrower than this, a label would show a letter or two: better none, the tooltip and name stay. */
export const MIN_LABEL = 28;
const GAP = 6;

export function fitLabels(row: readonly PlacedItem[], panelWidth: number): LabelRoom[] {
  const sorted = [...row].sort((a, b) => a.anchor - b.anchor);
  return sorted.map((item, i) => {
    if ((item.end ?? item.anchor) < 0) return { id: item.id, maxWidth: null };
    // Any later item ends the label, even one that starts under the label's first letters (then: no label).
    const next = item.selected ? undefined : sorted[i + 1];
    const end = Math.min(next ? next.anchor - GAP : Infinity, panelWidth - 2);
    const room = Math.floor(end - item.labelLeft);
    return { id: item.id, maxWidth: room >= MIN_LABEL ? room : null };
  });
}
