import { NO_FILTERS } from "@/lib/query/query";
import { useViewContext, ViewLink } from "../dashboard/ViewContext";

/** Over an empty map: says that nothing matches (rather than showing bare sea) and offers the way back. */
export function MapEmpty() {
  const { text } = useViewContext();
  return (
    <div className="map-empty" data-testid="map-empty">
      <p>{text.list.empty}</p>
      <ViewLink patch={NO_FILTERS} className="map-controls__button">
        {text.list.clearFilters}
      </ViewLink>
    </div>
  );
}
