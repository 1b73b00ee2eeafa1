import type { EventRow } from "../view/rows";
import { overlaps, type TimeWindow } from "../core/time-window";

/** Rows of the list shown at once, by the server's render and while the timeline is dragged. */
export const LIST_PAGE = 100;

/** The list while the timeline is dragged: the rows the browser holds that overlap the live window. */
export function rowsInWindow(rows: readonly EventRow[], window: TimeWindow): EventRow[] {
  const found: EventRow[] = [];
  for (const row of rows) {
    if (overlaps(row.startMs, row.endMs, window)) found.push(row);
    if (found.length === LIST_PAGE) break;
  }
  return found;
}
