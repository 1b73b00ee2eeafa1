/** Where the browser tests' servers listen: the bundled dataset, and a deliberately broken one. */
export const port = Number(process.env.E2E_PORT ?? 3210);
export const baseURL = `http://127.0.0.1:${port}`;
export const brokenDataURL = `http://127.0.0.1:${port + 1}`;
