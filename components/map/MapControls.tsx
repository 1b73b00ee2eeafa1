"use client";
import type { Ref } from "react";
import { countText } from "@/lib/i18n/plural";
import { useViewContext } from "../dashboard/ViewContext";

interface MapControlsProps {
  /** Matching places the default extent leaves out (abroad, in the China-first view): offers "World". */
  outside: number;
  /** Matching events at places the map does not show now (lib/map/map-offscreen.ts): said, with "World". */
  offscreen: number;
  onFit: () => void;
  onWorld: () => void;
  ref?: Ref<HTMLDivElement>;
}

/**
 * The map's own buttons: back to the view's fit (dropping a `map=` the user made), and the whole
 * world when the map leaves places out — with a line saying how many events are out of sight.
 * Real buttons, so Tab and Enter reach them. Without Leaflet: the map's still preview shows them too.
 */
export function MapControls({ outside, offscreen, onFit, onWorld, ref }: MapControlsProps) {
  const { text } = useViewContext();
  return (
    <>
      <div ref={ref} className="map-controls">
        {outside > 0 || offscreen > 0 ? (
          <button type="button" className="map-controls__button" onClick={onWorld}>
            {text.map.world}
          </button>
        ) : null}
        <button type="button" className="map-controls__button" onClick={onFit}>
          {text.map.fit}
        </button>
      </div>
      {offscreen > 0 ? (
        <p className="map-offscreen" data-testid="map-offscreen">
          {countText(text.map.offscreen, offscreen, text.lang)}
        </p>
      ) : null}
    </>
  );
}
