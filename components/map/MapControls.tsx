"use client";
import { useEffect, useRef } from "react";
import { DomEvent } from "leaflet";
import { useViewContext } from "../ViewContext";

interface MapControlsProps {
  /** Matching places the default extent leaves out (abroad, in the China-first view): offers "World". */
  outside: number;
  onFit: () => void;
  onWorld: () => void;
}

/**
 * The map's own buttons: back to the view's fit (dropping a `map=` the user made), and the whole
 * world when the default extent leaves places out. Real buttons, so Tab and Enter reach them.
 */
export function MapControls({ outside, onFit, onWorld }: MapControlsProps) {
  const { text } = useViewContext();
  const ref = useRef<HTMLDivElement>(null);
  // Inside Leaflet's container: a click or double-click here must not also pan or zoom the map.
  useEffect(() => {
    if (!ref.current) return;
    DomEvent.disableClickPropagation(ref.current);
    DomEvent.disableScrollPropagation(ref.current);
  }, []);
  return (
    <div ref={ref} className="map-controls">
      {outside > 0 ? (
        <button type="button" className="map-controls__button" onClick={onWorld}>
          {text.map.world}
        </button>
      ) : null}
      <button type="button" className="map-controls__button" onClick={onFit}>
        {text.map.fit}
      </button>
    </div>
  );
}
