import "server-only";
import type pg from "pg";
import type { Names } from "../dataset";
import type { FilterKey, Query } from "../../query/query";
import type { TimeWindow } from "../../core/time-window";
import { eventRow } from "../../view/rows";
import { timelineGroupsOf, timelineText, timelineWindow, type TimelineModel } from "../../view/timeline-model";
import { NO_ORG_GROUP, rowIdsOf, timelineLimits } from "../../timeline/timeline-items";
import {
  DETAIL_LIMIT,
  FIRST_MONDAY,
  MONTHS_IN,
  WEEK_MS,
  chooseTimelineMode,
  nearbyWindow,
  periodOf,
  type BucketUnit,
  type DensityCounts,
} from "../../timeline/timeline-density";
import { DAY_MS } from "../../core/time-window";
import { EVENT_KEY, storedEvent, withRecords, type EventRecordRow, type Params } from "./sql";

/**
 * The timeline in SQL (lib/view/timeline-model.ts computes the same from events in memory): the
 * rows and the mode are chosen from counts, then either the few events drawn are fetched, or the
 * density cells are counted per row and period by the database.
 */

export interface TimelineSql {
  query: <R extends pg.QueryResultRow>(sql: string, values: unknown[]) => Promise<R[]>;
  /** The WHERE clause (and its parameters so far) of the query's events, leaving out one filter. */
  matching: (q: Query, without?: FilterKey) => Promise<{ params: Params; where: string }>;
  names: Names;
  /** All the version's events' span (spanOf), or undefined for none: the timeline's limits. */
  dataSpan: TimeWindow | undefined;
}

/** The rows an event sits in (rowSlots): its category, each organization or none, or the one row. */
function rowsOf(params: Params, groupBy: Query["rows"]): string {
  if (groupBy === "category") return "ARRAY[category]";
  if (groupBy === "none") return "ARRAY['']";
  return `CASE WHEN cardinality(organizations) = 0 THEN ARRAY[${params.add(NO_ORG_GROUP)}::text] ELSE organizations END`;
}

/** periodOf (lib/timeline/timeline-density.ts) of a millisecond expression, in SQL. */
function periodSql(ms: string, unit: BucketUnit): string {
  if (unit === "day") return `floor((${ms}) / ${DAY_MS}.0)`;
  if (unit === "week") return `floor(((${ms}) - ${FIRST_MONDAY}) / ${WEEK_MS}.0)`;
  const utc = `(to_timestamp((${ms}) / 1000.0) AT TIME ZONE 'UTC')`;
  return `floor(((extract(year FROM ${utc}) - 1970) * 12 + extract(month FROM ${utc}) - 1) / ${MONTHS_IN[unit]})`;
}

const overlapSql = (params: Params, w: TimeWindow) => `start_ms <= ${params.add(w.endMs)} AND end_ms >= ${params.add(w.startMs)}`;

export async function pgTimeline({ query, matching, names, dataSpan }: TimelineSql, q: Query): Promise<TimelineModel> {
  const { lang, rows: groupBy } = q;
  const base = () => matching(q, "time");

  // The events' extent and their items (one per row each sits in) per row.
  const [[span], perRow] = await Promise.all([
    base().then(({ params, where }) =>
      query<{ start_ms: number | null; end_ms: number | null }>(
        `SELECT min(start_ms)::float8 AS start_ms, max(end_ms)::float8 AS end_ms FROM events ${where}`,
        params.values,
      ),
    ),
    base().then(({ params, where }) =>
      query<{ g: string; n: number }>(
        `SELECT r.g, count(*)::int AS n FROM events CROSS JOIN LATERAL unnest(${rowsOf(params, groupBy)}) AS r(g) ${where} GROUP BY r.g`,
        params.values,
      ),
    ),
  ]);
  const counts = new Map(perRow.map((r) => [r.g, r.n]));
  const groups = timelineGroupsOf(counts, names, groupBy, lang);
  const extent = span.start_ms === null ? null : { startMs: span.start_ms, endMs: span.end_ms! + 1 };
  const window = timelineWindow(q, extent);
  const allItems = perRow.reduce((n, r) => n + r.n, 0);

  let near = { nearby: 0, inside: 0 };
  if (window && allItems > DETAIL_LIMIT) {
    const { params, where } = await base();
    const widened = nearbyWindow(window);
    const rowsSql = rowsOf(params, groupBy);
    [near] = await query<{ nearby: number; inside: number }>(
      `SELECT (count(*) FILTER (WHERE ${overlapSql(params, widened)}))::int AS nearby,
              (count(*) FILTER (WHERE ${overlapSql(params, window)}))::int AS inside
       FROM events CROSS JOIN LATERAL unnest(${rowsSql}) AS r(g) ${where}`,
      params.values,
    );
  }
  const mode = chooseTimelineMode(
    { all: () => allItems, nearby: () => near.nearby, inside: () => near.inside },
    () => extent!,
    window,
    { rows: groups.length || 1 },
  );
  const model = { groups, extent, limits: timelineLimits(dataSpan), text: timelineText(lang) };

  if (mode.kind === "events") {
    const { params, where } = await base();
    const within = mode.within ? ` AND ${overlapSql(params, mode.within)}` : "";
    const events = await query<EventRecordRow>(
      withRecords(`SELECT ${EVENT_KEY} FROM events ${where}${within}`),
      params.values,
    );
    return { mode: "events", events: events.map((e) => eventRow(storedEvent(e), names, lang)), density: null, ...model };
  }

  const { range, unit } = mode;
  const cells = await base().then(({ params, where }) => {
    const [rs, re] = [`${params.add(range.startMs)}::bigint`, `${params.add(range.endMs)}::bigint`];
    return query<{ g: string; p: number; n: number }>(
      // Counted per row and span of periods first (few groups), then spread over the periods each touches.
      `SELECT g, p::int AS p, sum(n)::int AS n
       FROM (SELECT r.g, ${periodSql(`greatest(start_ms, ${rs})`, unit)}::int AS first, ${periodSql(`least(end_ms, ${re} - 1)`, unit)}::int AS last, count(*) AS n
             FROM events CROSS JOIN LATERAL unnest(${rowsOf(params, groupBy)}) AS r(g)
             ${where} AND start_ms < ${re} AND end_ms >= ${rs}
             GROUP BY 1, 2, 3) AS spans,
            generate_series(first, last) AS p
       GROUP BY g, p ORDER BY p`,
      params.values,
    );
  });
  const first = periodOf(range.startMs, unit);
  const byRow = new Map<string, number[]>();
  for (const { g, p, n } of cells) {
    let row = byRow.get(g);
    if (!row) byRow.set(g, (row = []));
    row.push(p - first, n);
  }
  const ids = { city: [], country: [], category: [...names.categoryById.keys()], org: [...names.orgById.keys()] };
  const density: DensityCounts = {
    unit,
    firstPeriod: first,
    rows: rowIdsOf({ ids }, groupBy).flatMap((group) => (byRow.has(group) ? [{ group, cells: byRow.get(group)! }] : [])),
  };
  let selected: EventRecordRow[] = [];
  if (q.event) {
    const { params, where } = await base();
    selected = await query<EventRecordRow>(
      withRecords(`SELECT ${EVENT_KEY} FROM events ${where} AND id = ${params.add(q.event)}`),
      params.values,
    );
  }
  return { mode: "density", events: selected.map((e) => eventRow(storedEvent(e), names, lang)), density, ...model };
}
