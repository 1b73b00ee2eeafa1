"use client";
import { useViewContext, ViewLink } from "../dashboard/ViewContext";

/**
 * "25 events without a mapped place", beside the map that cannot show them: a link that lists just
 * those (`unmapped=1`), through the URL like any filter. Both maps, the still and the live, show it.
 */
export function UnmappedNote({ note }: { note: string }) {
  const { query } = useViewContext();
  return (
    <p className="map-view__unmapped" role="status">
      <ViewLink patch={{ unmapped: true }} current={query.unmapped}>
        {note}
      </ViewLink>
    </p>
  );
}
