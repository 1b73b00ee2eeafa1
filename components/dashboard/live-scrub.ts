import { rowsInWindow } from "@/lib/timeline/live-view";
import { pointsFromTally, type MapPoint } from "@/lib/map/map-points";
import type { EventRow } from "@/lib/view/rows";
import { decodeScrubColumns, tallyWindow } from "@/lib/timeline/scrub-index";
import type { TimeWindow } from "@/lib/core/time-window";
import { dayRangeLabel } from "@/lib/core/dates";
import type { BrowserView } from "@/lib/view/view-model";

/** The view while the timeline is dragged: counted in the browser, frame by frame. */
export interface LiveView {
  window: TimeWindow;
  /** The window as the summary line says it ("3 Mar – 9 Oct 2019"), formatted here so the date
   *  formatter loads with the timeline, not with the page's first scripts. */
  windowLabel: string;
  matched: number;
  pins: MapPoint[];
  unmapped: number;
  /** The list's rows in the window, when the server sent them all (events mode); else null. */
  rows: EventRow[] | null;
}

export type LiveScrub = (window: TimeWindow, view: BrowserView) => LiveView;

/**
 * Live scrubbing over the compact index (lib/timeline/scrub-index.ts). Loaded with the timeline, on the
 * reader's first gesture: nobody drags a timeline that has not loaded, so the page's first
 * scripts do not carry it.
 */
export function liveScrub(buffer: ArrayBuffer): LiveScrub {
  const columns = decodeScrubColumns(buffer);
  return (window, view) => {
    const { matched, tally } = tallyWindow(columns, window, view.places.length);
    const rows = view.timeline.mode === "events" ? rowsInWindow(view.timeline.events, window) : null;
    return {
      window,
      windowLabel: dayRangeLabel(window, view.text.lang),
      matched,
      pins: pointsFromTally(tally, view.places),
      unmapped: tally.unmapped,
      rows,
    };
  };
}
