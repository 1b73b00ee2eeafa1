import type { CSSProperties } from "react";
import { bucketItems } from "@/lib/timeline/timeline-density";
import { timelineItems, type TimelineGrouping, type TimelineLimits } from "@/lib/timeline/timeline-items";
import type { TimelineModel } from "@/lib/view/timeline-model";
import { DAY_MS, type TimeWindow } from "@/lib/core/time-window";
import { resolveWindow } from "./timeline-view-helpers";

interface Props {
  model: TimelineModel;
  groupBy: TimelineGrouping;
  selectedId: string | null;
  window: TimeWindow | null;
}

interface Mark {
  startMs: number;
  endMs: number | null;
  className: string;
  date: string | null;
  title: string;
}

const pct = (n: number) => `${Math.max(0, Math.min(100, n)).toFixed(2)}%`;
/**
 * The live axis's rule (vis-timeline's TimeAxis and TimeStep): a label every 1, 5, 10, 50 or 100 years,
 * the first step that leaves room for 7 characters (about 8px each) per label.
 */
const YEAR_LABEL_PX = 7 * 8;
const STEPS = [1, 5, 10, 50, 100];
const stepFor = (trackPx: number, years: number) => STEPS.find((step) => (trackPx / years) * step >= YEAR_LABEL_PX) ?? 100;

/**
 * Year lines, labelled as densely as the panel allows. The server does not know the panel's width:
 * labels are chosen for a desktop panel (~800px) and, among those, the ones a phone's (~280px) keeps.
 */
function yearTicks(w: TimeWindow) {
  const years = (w.endMs - w.startMs) / (365.25 * DAY_MS);
  const [wide, narrow] = [stepFor(800, years), stepFor(280, years)];
  const ticks: { ms: number; label: string; wideOnly: boolean }[] = [];
  for (let y = new Date(w.startMs).getUTCFullYear(); y <= new Date(w.endMs).getUTCFullYear(); y++) {
    const ms = Date.UTC(y, 0, 1);
    // Lines only where the live axis draws them: at its labelled years.
    if (ms >= w.startMs && ms <= w.endMs && y % wide === 0) ticks.push({ ms, label: String(y), wideOnly: y % narrow !== 0 });
  }
  return ticks;
}

/** Below this share of the panel (in %), a label would show a letter or two: the item is drawn bare. */
const MIN_LABEL_ROOM = 2;
/** An item this close (in %) after the last one drawn in its row would sit on it: left out of the preview. */
const MIN_GAP = 0.4;

/**
 * A row's items in date order with their place and label room, leaving out those that would only
 * overprint the one before: a dense row (thousands of events) stays a few hundred elements.
 */
function drawable(marks: Mark[], at: (ms: number) => number) {
  const sorted = [...marks].sort((a, b) => a.startMs - b.startMs);
  const kept: { mark: Mark; left: number }[] = [];
  for (const mark of sorted) {
    const left = at(mark.startMs);
    const last = kept.at(-1);
    if (last && left - last.left < MIN_GAP && mark.endMs === null && !mark.className.includes("tl-selected")) continue;
    kept.push({ mark, left });
  }
  return kept.map((k, i) => ({ ...k, room: Math.max(0, (kept[i + 1]?.left ?? 100) - k.left) }));
}

/** The window shifted into the scrollable range, as vis-timeline does with its `min` and `max`. */
function withinLimits(w: TimeWindow, { min, max }: TimelineLimits): TimeWindow {
  let { startMs, endMs } = w;
  if (endMs > max) {
    startMs = Math.max(min, startMs - (endMs - max));
    endMs = max;
  }
  if (startMs < min) {
    endMs = Math.min(max, endMs + (min - startMs));
    startMs = min;
  }
  return { startMs, endMs };
}

/**
 * The timeline as it opens — rows, items and years in the same window and colours — drawn on the
 * server as plain markup. It holds the panel until vis-timeline, whose start-up is the page's
 * heaviest work, has loaded (on the reader's first gesture, see useFirstGesture), so the page
 * shows the timeline at once and becomes usable without waiting for it. Positions are percentages
 * of the panel, so no measuring is needed. Hidden from screen readers: the list says the same.
 */
export function TimelinePreview({ model, groupBy, selectedId, window }: Props) {
  const w = withinLimits(resolveWindow(window, model.extent), model.limits);
  const at = (ms: number) => ((ms - w.startMs) / (w.endMs - w.startMs)) * 100;
  const rowNames = new Map(model.groups.map((g) => [g.id, g.title]));
  const buckets = model.density ? bucketItems(model.density, rowNames, groupBy, model.text) : [];
  const marks = new Map<string | undefined, Mark[]>();
  const add = (group: string | undefined, mark: Mark) => {
    if (mark.startMs > w.endMs || (mark.endMs ?? mark.startMs) < w.startMs) return;
    marks.set(group, [...(marks.get(group) ?? []), mark]);
  };
  for (const b of buckets)
    add(b.group, { startMs: b.startMs, endMs: b.endMs, className: `${b.className} tl-preview__bucket`, date: null, title: b.content });
  for (const item of timelineItems(model.events, groupBy, model.text)) {
    const selected = item.eventId === selectedId ? " tl-selected" : "";
    add(item.group, {
      startMs: +item.start,
      endMs: item.end ? +item.end : null,
      className: `${item.className}${selected}`,
      date: item.precision === "day" ? null : item.label,
      title: item.content,
    });
  }
  const rows = groupBy === "none" ? [{ id: undefined, content: "", className: "" }] : model.groups;

  return (
    <div className="tl-preview" aria-hidden="true" data-testid="timeline-preview">
      <div className="tl-preview__axis">
        {yearTicks(w).map((t) => (
          <span key={t.ms} className={t.wideOnly ? "tl-preview__wide-only" : undefined} style={{ left: pct(at(t.ms)) }}>
            {t.label}
          </span>
        ))}
      </div>
      {rows.map((row) => (
        <div key={row.id ?? "all"} className="tl-preview__row">
          <span className={`tl-preview__label ${row.className}`}>{row.content}</span>
          <span className="tl-preview__track">
            {drawable(marks.get(row.id) ?? [], at).map(({ mark: m, left, room }, i) => {
              // A point with no room for a label is a bare dot: dense rows stay light.
              if (room < MIN_LABEL_ROOM && m.endMs === null)
                return <i key={i} className={`tl-preview__item ${m.className}`} style={{ left: pct(left) }} />;
              // A label ends before the next item in its row, as on the live timeline.
              const style = {
                left: pct(left),
                "--bar": m.endMs === null ? "0%" : pct(at(m.endMs) - left),
                maxWidth: `min(22em, ${pct(room)})`,
              };
              return (
                <span key={i} className={`tl-preview__item ${m.className}`} style={style as CSSProperties}>
                  {room >= MIN_LABEL_ROOM && m.date ? <b>{m.date} </b> : null}
                  {room >= MIN_LABEL_ROOM ? m.title : null}
                </span>
              );
            })}
          </span>
        </div>
      ))}
    </div>
  );
}
