import type { BucketItem } from "@/lib/timeline/timeline-density";
import { countText } from "@/lib/i18n/plural";
import type { TimelineGroup, TimelineItem, TimelineText } from "@/lib/timeline/timeline-items";

/**
 * What vis-timeline draws inside items, clusters, tooltips and row labels. Everything is built as
 * DOM nodes with textContent: vis would otherwise put strings through innerHTML, and these strings
 * come from the data files.
 */

/** An item as stored in the timeline's DataSet: an event, or a density bucket (large datasets). */
export type VisItem =
  | (TimelineItem & {
      /** Selected items are kept out of clusters so the highlight is always visible. */
      selected: boolean;
      /** The item the arrow keys moved to: out of clusters too, so it can hold focus. */
      stepped?: boolean;
    })
  | (BucketItem & { start: Date; end: Date; selected: false; selectable: false });

/** What vis passes to templates for a cluster (a generated item, not one of ours). */
interface ClusterData {
  isCluster: true;
  uiItems?: unknown[];
}

function isCluster(data: unknown): data is ClusterData {
  return typeof data === "object" && data !== null && (data as { isCluster?: unknown }).isCluster === true;
}

function span(className: string, text: string): HTMLSpanElement {
  const el = document.createElement("span");
  el.className = className;
  el.textContent = text;
  return el;
}

const clusterSize = (data: ClusterData) => data.uiItems?.length ?? 0;

/** The visible body of an item: focusable, so Enter can select it; a cluster shows its count. */
export function itemContent(data: VisItem | ClusterData | null, text: TimelineText): HTMLElement {
  if (!data) return span("tl-item-body", "");
  if (isCluster(data)) {
    const el = span("tl-cluster-count", String(clusterSize(data)));
    el.setAttribute("aria-label", countText(text.cluster, clusterSize(data), text.lang));
    return el;
  }
  if (data.kind === "bucket") return bucketContent(data);
  const el = span("tl-item-body", "");
  // Not a tab stop until the tidy pass after vis draws picks the timeline's one (timeline-tidy.ts
  // rovingTabStop): vis creates items in batches, and each would otherwise be a stop meanwhile.
  el.tabIndex = -1;
  el.setAttribute("role", "button");
  // The name starts with the visible text (axe: label-content-name-mismatch): a month or year event shows its date first.
  el.setAttribute("aria-label", data.precision === "day" ? `${data.content}, ${data.label}` : `${data.label} ${data.content}`);
  el.dataset.eventId = data.eventId;
  // Month and year events carry their date on the item, so a reader never mistakes the bar's start for a day.
  if (data.precision !== "day") el.append(span("tl-item-date", data.label), " ");
  el.append(span("tl-item-title", data.content));
  return el;
}

/** A density bar: its count, compact ("1.2k") so it fits; Enter or a click zooms into its period. */
function bucketContent(data: BucketItem): HTMLElement {
  const count = data.count >= 1000 ? `${(data.count / 1000).toFixed(data.count >= 10_000 ? 0 : 1)}k` : String(data.count);
  const el = span("tl-bucket-body", count);
  el.tabIndex = 0;
  el.setAttribute("role", "button");
  el.setAttribute("aria-label", data.title.replace("\n", ", "));
  el.dataset.bucketId = data.id;
  return el;
}

export function tooltipContent(data: VisItem | ClusterData | null, text: TimelineText): HTMLElement {
  if (!data) return span("tl-tooltip", "");
  if (isCluster(data)) return span("tl-tooltip", countText(text.clusterTip, clusterSize(data), text.lang));
  return span("tl-tooltip", data.title);
}

export function groupContent(group: TimelineGroup | null): HTMLElement {
  const el = span("tl-group-label", group?.content ?? "");
  if (group) el.title = group.title;
  return el;
}
