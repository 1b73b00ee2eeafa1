"use client";

import { useId } from "react";
import type { Lang } from "@/lib/i18n/lang";
import { fill, formatCount } from "@/lib/i18n/plural";
import type { PreviewMap } from "@/lib/import/check-file";
import { project } from "@/lib/map/map-camera";
import type { ImportText } from "./ImportTool";

/**
 * The world's land as the dashboard's still map preview draws it (components/map/MapPreview.tsx):
 * Natural Earth countries in Web Mercator world pixels at zoom 0 (0–256 both ways), written into
 * public/ by scripts/copy-basemap.ts. A static file, fetched by the browser only when this map shows.
 */
const LAND_URL = "/basemap/countries-110m.svg#land";
const WORLD = 256;
/** Width over height of the map. */
const ASPECT = 2;
/** The narrowest stretch of the world shown (in world pixels: about 56° of longitude), so one place is not alone in the sea. */
const MIN_WIDTH = 40;
/** Room around the outermost places, as a share of the span. */
const PADDING = 0.15;

/** The part of the world the places are in, as an SVG viewBox in world pixels. */
export function frameOf(points: { x: number; y: number }[]): { x: number; y: number; width: number; height: number } {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [left, right, top, bottom] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  let width = Math.max(right - left, MIN_WIDTH) * (1 + 2 * PADDING);
  let height = Math.max(bottom - top, MIN_WIDTH / ASPECT) * (1 + 2 * PADDING);
  if (width / height < ASPECT) width = height * ASPECT;
  else height = width / ASPECT;
  width = Math.min(width, WORLD);
  height = Math.min(height, WORLD / ASPECT);
  // Kept inside the world, centred on the places where it can be.
  const clamp = (centre: number, size: number) => Math.min(Math.max(centre - size / 2, 0), WORLD - size);
  return { x: clamp((left + right) / 2, width), y: clamp((top + bottom) / 2, height), width, height };
}

/**
 * The imported places on a small map: an inline SVG of the land with a dot for each place, sized by
 * its events. No tiles, no server and no map library: loaded (React.lazy) only when a clean result
 * has something to show. For keyboard and screen-reader users the SVG is an image with a title, and
 * the same places follow as a list.
 */
export function PlacesMap({ map, text, lang }: { map: PreviewMap; text: ImportText; lang: Lang }) {
  const titleId = useId();
  const zh = lang === "zh";
  const dots = map.places.map((place) => ({ place, ...project(place.lat, place.lon, 0) }));
  const frame = dots.length > 0 ? frameOf(dots) : null;
  const radius = frame ? frame.width / 110 : 0;
  const most = Math.max(1, ...map.places.map((p) => p.events));
  return (
    <div className="import-map" data-testid="import-map">
      <h4>{text.mapHeading}</h4>
      {frame ? (
        <svg
          role="img"
          aria-labelledby={titleId}
          viewBox={`${frame.x} ${frame.y} ${frame.width} ${frame.height}`}
          preserveAspectRatio="xMidYMid meet"
        >
          <title id={titleId}>{fill(text.mapTitle, { count: formatCount(dots.length, lang) })}</title>
          <rect className="import-map__sea" x={frame.x} y={frame.y} width={frame.width} height={frame.height} />
          <use className="import-map__land" href={LAND_URL} />
          {dots.map(({ place, x, y }) => (
            <circle
              key={place.id}
              className="import-map__dot"
              cx={x}
              cy={y}
              // Area grows with the events, up to four times a lone event's dot.
              r={radius * (1 + Math.sqrt(place.events / most))}
            />
          ))}
        </svg>
      ) : null}
      {map.places.length < map.total ? (
        <p className="note">{fill(text.mapShown, { shown: formatCount(map.places.length, lang), total: formatCount(map.total, lang) })}</p>
      ) : null}
      {map.eventsWithoutPlace > 0 ? (
        <p className="note" data-testid="import-map-unplaced">
          {fill(text.mapUnplaced, { count: formatCount(map.eventsWithoutPlace, lang) })}
        </p>
      ) : null}
      {dots.length > 0 ? (
        <details className="import-map__list">
          <summary>{text.mapList}</summary>
          <ul data-testid="import-map-list">
            {map.places.map((p) => (
              <li key={p.id}>
                {`${zh ? p.nameZh : p.name} (${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}) — ${fill(text.mapEvents, { count: formatCount(p.events, lang) })}`}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
