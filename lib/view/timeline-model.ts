import "server-only";
import type { DatasetIndex, IndexedEvent, Names } from "../data/dataset";
import type { Query, TimelineGrouping } from "../query/query";
import type { Lang } from "../i18n/lang";
import { eventRow, type EventRow } from "./rows";
import { isBounded, windowOf, type TimeWindow } from "../core/time-window";
import { densityCounts, timelineMode, type DensityCounts } from "../timeline/timeline-density";
import { pluralForms, translator } from "../i18n/translator";
import {
  spanOf,
  timelineGroups,
  timelineGroupsFromCounts,
  timelineLimits,
  type TimelineGroup,
  type TimelineLimits,
  type TimelineText,
} from "../timeline/timeline-items";

/**
 * What the timeline draws for a view, computed on the server: its rows, and either the events near
 * the URL's window (few enough to draw one by one) or counted density buckets. The timeline shows
 * every filter but time: its visible range *is* the time filter.
 */
export interface TimelineModel {
  mode: "events" | "density";
  groups: TimelineGroup[];
  /** Events mode: the events drawn. Density mode: only the selected event, drawn over the buckets. */
  events: EventRow[];
  /** Density mode: events counted per row and period. */
  density: DensityCounts | null;
  /** From the first to the last event matching the other filters: what "fit" shows. */
  extent: TimeWindow | null;
  limits: TimelineLimits;
  /** Tooltip words the browser adds to items, in the reader's language. */
  text: TimelineText;
}

export function timelineModel(base: readonly IndexedEvent[], index: DatasetIndex, query: Query): TimelineModel {
  const groupBy = query.rows;
  const events = base as IndexedEvent[];
  const { lang } = query;
  const groups = timelineGroups(events, index, groupBy, lang, translator(lang)("panels.noOrganization"));
  const extent = spanOf(events) ?? null;
  const mode = timelineMode(events, groupBy, timelineWindow(query, extent), { rows: groups.length || 1 });
  const limits = timelineLimits(spanOf(index.events));
  const text = timelineText(lang);
  if (mode.kind === "events") {
    return { mode: "events", groups, events: mode.events.map((e) => eventRow(e, index, lang)), density: null, extent, limits, text };
  }
  const selected = query.event ? index.eventById.get(query.event) : undefined;
  return {
    mode: "density",
    groups,
    events: selected && events.includes(selected) ? [eventRow(selected, index, lang)] : [],
    density: densityCounts(events, index, groupBy, mode),
    extent,
    limits,
    text,
  };
}

/** The timeline's rows from the events counted per row (a database counts them), named in the reader's language. */
export function timelineGroupsOf(
  counts: ReadonlyMap<string, number>,
  names: Names,
  groupBy: TimelineGrouping,
  lang: Lang,
): TimelineGroup[] {
  return timelineGroupsFromCounts(counts, names, groupBy, lang, translator(lang)("panels.noOrganization"));
}

/** Tooltip words the browser adds to items, in the reader's language. */
export function timelineText(lang: Lang): TimelineText {
  const t = translator(lang);
  return {
    lang,
    dayUnknown: t.raw("panels.dayUnknown") as string,
    inferred: t.raw("list.inferred") as string,
    aria: t("panels.timelineAria"),
    cluster: pluralForms(lang, "timelineCluster"),
    clusterTip: pluralForms(lang, "timelineClusterTip"),
    events: pluralForms(lang, "events"),
    bucketTip: t.raw("panels.bucketTip") as string,
    bucketTipDay: t.raw("panels.bucketTipDay") as string,
    bucketWeek: t.raw("panels.bucketWeek") as string,
    bucketQuarter: t.raw("panels.bucketQuarter") as string,
  };
}

/** The URL's window within the events' extent (null when the URL sets none, or it misses them): what decides the mode. */
export function timelineWindow(query: Query, extent: TimeWindow | null): TimeWindow | null {
  const url = windowOf(query);
  const window =
    isBounded(url) && extent ? { startMs: Math.max(url.startMs, extent.startMs - 1), endMs: Math.min(url.endMs, extent.endMs) } : null;
  return window && window.startMs <= window.endMs ? window : null;
}
