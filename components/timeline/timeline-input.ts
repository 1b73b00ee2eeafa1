import type { DataSet } from "vis-data/esnext";
import type { Timeline } from "vis-timeline/esnext";
import { eventIdOfItem, type TimelineGroup } from "@/lib/timeline-items";
import type { TimeWindow } from "@/lib/time-window";
import { DAY_MS, type DrawMode } from "./timeline-options";
import { visWindow } from "./timeline-view-helpers";
import type { VisItem } from "./vis-content";

export interface Instance {
  timeline: Timeline;
  items: DataSet<VisItem, "id">;
  groups: DataSet<TimelineGroup, "id">;
  itemKeys: Map<string, string>;
  groupKeys: Map<string, string>;
  itemsOfEvent: Map<string, string[]>;
  grouped: boolean;
  mode: DrawMode;
  selectedId: string | null;
  userActiveAt: number; // last user range change of a gesture still in progress, 0 when none
  fitKey: string | null;
  hadWindow: boolean;
}

/**
 * The user's hand on the timeline: drags and zooms (only `byUser` range changes reach the parent,
 * live on every step, then once at the end), clicks and taps on items, clusters and density
 * buckets, and Enter/Space on a focused item or bucket. Returns the cleanup.
 */
export interface UserInputHandlers {
  onScrub: (w: TimeWindow) => void;
  onScrubEnd: (w: TimeWindow) => void;
  onSelect: (eventId: string) => void;
}

export function wireUserInput(inst: Instance, root: HTMLElement, on: UserInputHandlers): () => void {
  const { timeline } = inst;
  // Each step of a drag reaches the parent at once (the parent renders it synchronously): a frame
  // later would be a frame late, and the browser already delivers pointer moves once per frame.
  timeline.on("rangechange", (p: { start: Date; end: Date; byUser: boolean }) => {
    if (!p.byUser) return;
    inst.userActiveAt = Date.now();
    on.onScrub(visWindow(p));
  });
  timeline.on("rangechanged", (p: { start: Date; end: Date; byUser: boolean }) => {
    if (!p.byUser) return;
    inst.userActiveAt = 0;
    on.onScrubEnd(visWindow(p));
  });

  const showSelection = (eventId: string | null) => timeline.setSelection(eventId ? (inst.itemsOfEvent.get(eventId) ?? []) : []);
  const itemOf = (id: string | number | null | undefined) => (id == null ? null : inst.items.get(String(id)));
  timeline.on("select", (p: { items: (string | number)[] }) => {
    const id = p.items[0];
    if (id !== undefined && itemOf(id)?.kind === "event") {
      const eventId = eventIdOfItem(id);
      showSelection(eventId); // every row's copy at once, before the parent answers
      on.onSelect(eventId);
    } else {
      // A click on empty space, a cluster or a bucket does not change which event the URL selects.
      showSelection(inst.selectedId);
    }
  });
  // A density bucket opens its period: the timeline zooms to it and the URL takes it as from/to.
  const zoomToBucket = (item: VisItem | null) => {
    if (item?.kind !== "bucket") return false;
    const { period } = item;
    timeline.setWindow(period.startMs, period.endMs + 1, { animation: true }, () => on.onScrubEnd(period));
    return true;
  };
  timeline.on("click", (p: { isCluster: boolean; time: Date; item: string | number | null }) => {
    if (zoomToBucket(itemOf(p.item)) || !p.isCluster) return;
    const now = visWindow(timeline.getWindow());
    const half = Math.max((now.endMs - now.startMs) / 6, DAY_MS / 2);
    const centre = +p.time;
    timeline.setWindow(centre - half, centre + half, { animation: true }, () => on.onScrubEnd(visWindow(timeline.getWindow())));
  });

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== "Enter" && e.key !== " ") return;
    const bucket = (e.target as HTMLElement).closest<HTMLElement>("[data-bucket-id]");
    if (bucket) {
      e.preventDefault();
      zoomToBucket(itemOf(bucket.dataset.bucketId));
      return;
    }
    const target = (e.target as HTMLElement).closest<HTMLElement>("[data-event-id]");
    if (!target?.dataset.eventId) return;
    e.preventDefault();
    on.onSelect(target.dataset.eventId);
  };
  root.addEventListener("keydown", onKeyDown);

  return () => root.removeEventListener("keydown", onKeyDown);
}
