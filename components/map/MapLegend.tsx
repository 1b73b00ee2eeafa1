import { useState } from "react";
import { useViewContext } from "../dashboard/ViewContext";

/** The pin styles, explained with the same CSS classes as the pins, so legend and map cannot drift apart. */
const KINDS = ["stated", "inferred", "mixed", "cluster"] as const;

/**
 * Open, the legend covers a third of a phone's map, and of the short map a 1024×768 window leaves
 * beside a timeline showing every row: there it starts folded.
 */
const legendStartsOpen = () => window.innerWidth >= 600 && window.innerHeight >= 820;

/** A disclosure (native `<details>`: a button to screen readers and keyboards), open on wide screens. */
export function MapLegend() {
  const { text } = useViewContext();
  // The map mounts only in the browser, so the width is known on the first render.
  const [open] = useState(legendStartsOpen);
  return (
    <section className="map-legend" aria-label={text.legend.label}>
      <details open={open}>
        <summary>{text.map.legend}</summary>
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
      </details>
    </section>
  );
}
