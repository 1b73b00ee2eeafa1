import { useState } from "react";
import { useViewContext } from "../ViewContext";

/** The pin styles, explained with the same CSS classes as the pins, so legend and map cannot drift apart. */
const KINDS = ["stated", "inferred", "mixed", "cluster"] as const;

/** Below this width the legend starts folded: open, it would cover a third of a phone's map. */
const FOLDED_BELOW_PX = 600;

/** A disclosure (native `<details>`: a button to screen readers and keyboards), open on wide screens. */
export function MapLegend() {
  const { text } = useViewContext();
  // The map mounts only in the browser, so the width is known on the first render.
  const [open] = useState(() => window.innerWidth >= FOLDED_BELOW_PX);
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
