import { rowsInWindow } from "@/lib/timeline/live-view";
import { markTourPins, pointsFromTally, tourPlaces, type MapPoint } from "@/lib/map/map-points";
import type { EventRow } from "@/lib/view/rows";
import { decodeScrubColumns, tallyWindow } from "@/lib/timeline/scrub-index";
import { windowOf } from "@/lib/core/time-window";
import { rangeLabel } from "@/lib/core/dates";
import type { Range } from "@/lib/timeline/scrub-outcome";
import type { BrowserView } from "@/lib/view/view-model";

/** The view while the timeline is dragged: counted in the browser, frame by frame. */
export interface LiveView {
  /** The window the view would filter by if the hand let go now, as the URL would write it. */
  range: Range;
  /** That window as the summary line says it ("2020–2024", "Apr–Aug 2019"), null for none; written
   *  here so the date formatter loads with the timeline, not with the page's first scripts. */
  windowLabel: string | null;
  matched: number;
  pins: MapPoint[];
  unmapped: number;
  /** The list's rows in the window, when the server sent them all (events mode); else null. */
  rows: EventRow[] | null;
}

export type LiveScrub = (range: Range, view: BrowserView) => LiveView;

/**
 * Live scrubbing over the compact index (lib/timeline/scrub-index.ts). Loaded with the timeline, on the
 * reader's first gesture: nobody drags a timeline that has not loaded, so the page's first
 * scripts do not carry it.
 */
export function liveScrub(buffer: ArrayBuffer): LiveScrub {
  const columns = decodeScrubColumns(buffer);
  return (range, view) => {
    const window = windowOf(range);
    const { matched, tally } = tallyWindow(columns, window, view.places.length);
    const rows = view.timeline.mode === "events" ? rowsInWindow(view.timeline.events, window) : null;
    const pins = pointsFromTally(tally, view.places);
    return {
      range,
      windowLabel: rangeLabel(range.from, range.to, view.text.lang, view.sentence.windowWords),
      matched,
      // The open tour step's pins stay ringed while its events are in the window, as the server would ring them.
      pins: view.tourStops ? markTourPins(pins, tourPlaces(view.tourStops, window), view.text) : pins,
      unmapped: tally.unmapped,
      rows,
    };
  };
}
