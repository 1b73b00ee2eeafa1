/** Explains the pin styles; the same CSS classes as the pins, so legend and map cannot drift apart. */
export function MapLegend() {
  return (
    <section className="map-legend" aria-label="Map legend">
      <ul>
        <li>
          <span className="map-legend__swatch map-pin map-pin--stated" aria-hidden="true">
            <span className="map-pin__badge" />
          </span>
          solid = place stated in source
        </li>
        <li>
          <span className="map-legend__swatch map-pin map-pin--inferred" aria-hidden="true">
            <span className="map-pin__badge" />
          </span>
          dashed = place inferred
        </li>
        <li>
          <span className="map-legend__swatch map-pin map-pin--mixed" aria-hidden="true">
            <span className="map-pin__badge" />
          </span>
          both = some of each
        </li>
        <li>
          <span className="map-legend__swatch map-pin map-pin--cluster" aria-hidden="true">
            <span className="map-pin__badge" />
          </span>
          halo = nearby places grouped
        </li>
      </ul>
    </section>
  );
}
