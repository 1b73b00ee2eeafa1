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
const ring = (positions: Position[]) =>
  "M" +
  positions
    .map(([lon, lat]) => {
      const { x, y } = project(lat, lon, 0);
      return `${x.toFixed(2)} ${y.toFixed(2)}`;
    })
    .join("L") +
  "Z";
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
