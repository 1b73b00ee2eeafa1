/** Where the browser tests' servers listen: the bundled dataset, and a deliberately broken one. */
export const port = Number(process.env.E2E_PORT ?? 3210);
export const baseURL = `http://127.0.0.1:${port}`;
export const brokenDataURL = `http://127.0.0.1:${port + 1}`;
/** A server over a copy of the dataset, which the hot-reload test edits. */
export const liveDataURL = `http://127.0.0.1:${port + 2}`;
export const LIVE_DATA_DIR = ".e2e-live-data";
/** A server with a tight render gate (server/render-gate.mjs), which only the render-gate test uses. */
export const renderGateURL = `http://127.0.0.1:${port + 3}`;
