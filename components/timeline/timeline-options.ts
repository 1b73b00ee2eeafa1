import moment, { type MomentInput } from "moment";
// The axis in Chinese (1月, 2019): vis-timeline formats it with moment, in the locale named below. ~1.5 KB gzipped, in the timeline's own chunk.
import "moment/locale/zh-cn";
import type { TimelineOptions } from "vis-timeline/esnext";
import { DAY_MS, type TimeWindow } from "@/lib/core/time-window";
import { TIMELINE_TEXT_EN, type TimelineLimits, type TimelineText } from "@/lib/timeline/timeline-items";
import { groupContent, itemContent, tooltipContent, type VisItem } from "./vis-content";

export { DAY_MS };

export const CLUSTER: TimelineOptions["cluster"] = {
  // Per row: more than this many items within ~100px fold into a counted cluster.
  maxItems: 5,
  titleTemplate: "{count} events — click to zoom in",
  showStipes: false,
  fitOnDoubleClick: false,
  clusterCriteria: (a, b) =>
    [a, b].every((item) => !(item as unknown as VisItem).selected && !(item as unknown as { stepped?: boolean }).stepped),
};

// vis-timeline takes `cluster: false` to switch clustering off; its typings only allow an object.
const NO_CLUSTER = false as unknown as TimelineOptions["cluster"];

export type DrawMode = "events" | "density";

/**
 * Options that follow what is drawn. Events cluster; neither they nor density buckets stack: every
 * row is one line, so all rows fit the panel at once, and each label ends where the next item in
 * its row begins (timeline-tidy.ts). Clustering (vis compares items with their neighbours on each
 * redraw) is what a large dataset cannot afford. vis-timeline switches clustering off on any setOptions() call that lacks `cluster`,
 * so every call includes these.
 */
export function modeOptions(mode: DrawMode): TimelineOptions {
  return mode === "events" ? { cluster: CLUSTER, stack: false } : { cluster: NO_CLUSTER, stack: false };
}

/** Options that follow the dataset: how far one can scroll and zoom out. */
export function limitOptions({ min, max, zoomMax }: TimelineLimits, mode: DrawMode): TimelineOptions {
  return { min, max, zoomMax, zoomMin: DAY_MS, ...modeOptions(mode) };
}

// vis types templates as returning strings; at runtime an HTMLElement is inserted as a node.
type Template = NonNullable<TimelineOptions["template"]>;
const asTemplate = (fn: (data: never) => HTMLElement) => fn as unknown as Template;
type TooltipTemplate = NonNullable<NonNullable<TimelineOptions["tooltip"]>["template"]>;

export function timelineOptions(limits: TimelineLimits, initial: TimeWindow, text: TimelineText = TIMELINE_TEXT_EN): TimelineOptions {
  return {
    ...limitOptions(limits, "events"),
    start: initial.startMs,
    end: initial.endMs,
    height: "100%",
    width: "100%",
    orientation: "top", // axis and items at the top
    // Dates are UTC calendar days (lib/core/dates): draw the axis in UTC so 8 June never shows as 7 June.
    moment: (date?: MomentInput) => moment(date).utc(),
    locale: text.lang === "zh" ? "zh-cn" : "en",
    margin: { axis: 2, item: { horizontal: 0, vertical: 2 } },
    groupOrder: "order",
    // Drag (mouse or finger) pans, pinch or Ctrl+wheel zooms; a plain wheel scrolls rows, then the page.
    moveable: true,
    zoomable: true,
    zoomKey: "ctrlKey",
    verticalScroll: true,
    horizontalScroll: true,
    horizontalScrollKey: "shiftKey",
    selectable: true,
    multiselect: false,
    editable: false,
    showCurrentTime: false,
    template: asTemplate((data: Parameters<typeof itemContent>[0]) => itemContent(data, text)),
    groupTemplate: asTemplate(groupContent),
    showTooltips: true,
    tooltip: {
      followMouse: false,
      overflowMethod: "cap",
      delay: 250,
      template: ((data: Parameters<typeof tooltipContent>[0]) => tooltipContent(data, text)) as unknown as TooltipTemplate,
    },
  };
}
