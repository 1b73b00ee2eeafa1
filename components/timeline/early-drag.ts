import { EARLY_DRAG_KEY, type EarlyDrag } from "../dashboard/first-gesture";

/** The drag begun on the still preview, if any, handed over once: the live timeline now owns it. */
export function takeEarlyDrag(): EarlyDrag | null {
  const w = window as unknown as Record<string, EarlyDrag | undefined>;
  const drag = w[EARLY_DRAG_KEY] ?? null;
  // Left as a done marker so the script never records a second one; the live timeline handles later drags.
  w[EARLY_DRAG_KEY] = drag ? { ...drag, done: true } : undefined;
  return drag;
}
