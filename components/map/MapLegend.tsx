import { useViewContext } from "../ViewContext";

/** The pin styles, explained with the same CSS classes as the pins, so legend and map cannot drift apart. */
const KINDS = ["stated", "inferred", "mixed", "cluster"] as const;

export function MapLegend() {
  const { text } = useViewContext();
  return (
    <section className="map-legend" aria-label={text.legend.label}>
      <ul>
        {KINDS.map((kind) => (
          <li key={kind}>
            <span className={`map-legend__swatch map-pin map-pin--${kind}`} aria-hidden="true">
              <span className="map-pin__badge" />
            </span>
            {text.legend[kind]}
          </li>
        ))}
      </ul>
    </section>
  );
}
