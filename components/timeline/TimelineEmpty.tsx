"use client";
import { NO_FILTERS } from "@/lib/query/query";
import { useViewContext, ViewLink } from "../dashboard/ViewContext";

/** Over an empty timeline: say so, and offer the way out, rather than draw a bare axis. */
export function TimelineEmpty() {
  const { text } = useViewContext();
  return (
    <div className="tl-empty" data-testid="timeline-empty">
      <p>{text.panels.timelineEmpty}</p>
      <ViewLink patch={NO_FILTERS} className="button">
        {text.list.clearFilters}
      </ViewLink>
    </div>
  );
}
