/** Settings the live map (Leaflet) and its still preview share. */

/** Opt-in raster tiles, e.g. `https://tile.openstreetmap.org/{z}/{x}/{y}.png`; inlined at build time. */
export const TILE_URL = process.env.NEXT_PUBLIC_TILE_URL;
export const TILE_ATTRIBUTION = process.env.NEXT_PUBLIC_TILE_ATTRIBUTION ?? "";
export const TILES_ENABLED = Boolean(TILE_URL);

export const ZOOM_RULES = {
  minZoom: 1,
  // Natural Earth 1:50m gets coarse past this; raster tiles carry their own detail.
  maxZoom: TILES_ENABLED ? 18 : 10,
  zoomSnap: 0.5,
};
