/** The pin styles, explained with the same CSS classes as the pins, so legend and map cannot drift apart. */
const ENTRIES = [
  { kind: "stated", text: "solid = place stated in source" },
  { kind: "inferred", text: "dashed = place inferred" },
  { kind: "mixed", text: "both = some of each" },
  { kind: "cluster", text: "halo = nearby places grouped" },
] as const;

export function MapLegend() {
  return (
    <section className="map-legend" aria-label="Map legend">
      <ul>
        {ENTRIES.map(({ kind, text }) => (
          <li key={kind}>
            <span className={`map-legend__swatch map-pin map-pin--${kind}`} aria-hidden="true">
              <span className="map-pin__badge" />
            </span>
            {text}
          </li>
        ))}
      </ul>
    </section>
  );
}
