// Runs before `next build` and `next dev`: copies Natural Earth countries (world-atlas) into public/,
// so the map fetches them as cacheable data instead of bundling them as JavaScript; and draws them
// once as an SVG in Web Mercator world pixels at zoom 0, for the map's still preview (MapPreview),
// which shows it with no JavaScript work at all.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Position } from "geojson";
import type { GeometryCollection, Topology } from "topojson-specification";
import { feature } from "topojson-client";
import { project } from "../lib/map/map-camera";
import { ANTARCTICA } from "../components/map/countries";

const require = createRequire(import.meta.url);
const source = path.dirname(require.resolve("world-atlas/package.json"));
mkdirSync("public/basemap", { recursive: true });
for (const scale of ["110m", "50m"]) copyFileSync(path.join(source, `countries-${scale}.json`), `public/basemap/countries-${scale}.json`);

const topology = JSON.parse(readFileSync(path.join(source, "countries-110m.json"), "utf8")) as Topology<{ countries: GeometryCollection }>;
const WORLD = 256;
/**
 * A ring as SVG path data. A ring crossing the antimeridian (Fiji, Chukotka) jumps from one edge of
 * the world to the other between two points: drawn as it is, that step is a line across the whole map
 * (the preview's "stray line"). So the ring is unwrapped (after such a step, its points move a world's
 * width to go on where they were), and drawn once more a world's width over for the part beyond the edge.
 */
function ring(positions: Position[]): string {
  let offset = 0;
  let previous: number | null = null;
  const points = positions.map(([lon, lat]) => {
    const { x, y } = project(lat, lon, 0);
    if (previous !== null && x + offset - previous > WORLD / 2) offset -= WORLD;
    else if (previous !== null && previous - (x + offset) > WORLD / 2) offset += WORLD;
    previous = x + offset;
    return { x: x + offset, y };
  });
  const xs = points.map((p) => p.x);
  const shifts = [0, ...(Math.max(...xs) > WORLD ? [-WORLD] : []), ...(Math.min(...xs) < 0 ? [WORLD] : [])];
  return shifts.map((shift) => "M" + points.map(({ x, y }) => `${(x + shift).toFixed(2)} ${y.toFixed(2)}`).join("L") + "Z").join("");
}
const rings: string[] = [];
for (const { id, geometry } of feature(topology, topology.objects.countries).features) {
  if (id === ANTARCTICA) continue;
  if (geometry.type === "Polygon") rings.push(...geometry.coordinates.map(ring));
  else if (geometry.type === "MultiPolygon") for (const polygon of geometry.coordinates) rings.push(...polygon.map(ring));
}
// No colours here: the page's map.css fills and strokes it through <use>, light or dark.
writeFileSync(
  "public/basemap/countries-110m.svg",
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 256 256"><path id="land" vector-effect="non-scaling-stroke" d="${rings.join("")}"/></svg>\n`,
);
