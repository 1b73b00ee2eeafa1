// Runs before `next build` and `next dev`: copies Natural Earth countries (world-atlas) into public/,
// so the map fetches them as cacheable data instead of bundling them as JavaScript.
import { copyFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const source = path.dirname(require.resolve("world-atlas/package.json"));
mkdirSync("public/basemap", { recursive: true });
for (const scale of ["110m", "50m"]) copyFileSync(path.join(source, `countries-${scale}.json`), `public/basemap/countries-${scale}.json`);
