/**
 * The messages between an embedded view (`/embed`, in an iframe) and the page that embeds it, sent
 * with `postMessage`. Every message is an object with a namespaced `type` and a protocol version `v`,
 * so a host page running other widgets can tell ours apart, and a later version can change a message
 * without older hosts misreading it. Both sides check a message's shape before acting on it; nothing
 * a host sends is ever rendered, only read as a view through the URL parsers.
 *
 * frame → host: `height` (the content's height in CSS pixels, on load and on every layout change) and
 * `view` (the view's canonical URL on the dashboard, on load and whenever the view changes).
 * host → frame: `set-view` (a query string the frame shows, read like any link).
 */
export const EMBED_NAMESPACE = "edu-coop-timeline";
export const PROTOCOL_VERSION = 1;

export const MESSAGE_TYPES = {
  height: `${EMBED_NAMESPACE}:height`,
  view: `${EMBED_NAMESPACE}:view`,
  setView: `${EMBED_NAMESPACE}:set-view`,
} as const;

export interface HeightMessage {
  type: typeof MESSAGE_TYPES.height;
  v: typeof PROTOCOL_VERSION;
  /** The frame's content height in CSS pixels (a whole number). */
  height: number;
}

export interface ViewMessage {
  type: typeof MESSAGE_TYPES.view;
  v: typeof PROTOCOL_VERSION;
  /** The view's canonical, absolute URL on the dashboard (`https://site/?city=shanghai`). */
  url: string;
}

export interface SetViewMessage {
  type: typeof MESSAGE_TYPES.setView;
  v: typeof PROTOCOL_VERSION;
  /** A query string (`?city=shanghai&from=2023`), read by the dashboard's URL parsers. */
  query: string;
}

export type FrameMessage = HeightMessage | ViewMessage;

/** No page is taller than this: a larger number is a broken measurement, not a layout. */
export const MAX_HEIGHT = 20_000;
/** A query string longer than any the dashboard writes is refused unread. */
export const MAX_QUERY_LENGTH = 4_000;

export const heightMessage = (height: number): HeightMessage => ({
  type: MESSAGE_TYPES.height,
  v: PROTOCOL_VERSION,
  height: Math.min(MAX_HEIGHT, Math.max(0, Math.ceil(height))),
});

export const viewMessage = (url: string): ViewMessage => ({ type: MESSAGE_TYPES.view, v: PROTOCOL_VERSION, url });

export const setViewMessage = (query: string): SetViewMessage => ({ type: MESSAGE_TYPES.setView, v: PROTOCOL_VERSION, query });

const isRecord = (data: unknown): data is Record<string, unknown> => typeof data === "object" && data !== null && !Array.isArray(data);

/** A message from the frame, if `data` is one of this version's, well formed; null otherwise. */
export function readFrameMessage(data: unknown): FrameMessage | null {
  if (!isRecord(data) || data.v !== PROTOCOL_VERSION) return null;
  if (data.type === MESSAGE_TYPES.height) {
    const { height } = data;
    return typeof height === "number" && Number.isFinite(height) && height >= 0 && height <= MAX_HEIGHT ? heightMessage(height) : null;
  }
  if (data.type === MESSAGE_TYPES.view) {
    return typeof data.url === "string" && isHttpUrl(data.url) ? viewMessage(data.url) : null;
  }
  return null;
}

/** A message from the host, if `data` is a well-formed `set-view` of this version; null otherwise. */
export function readHostMessage(data: unknown): SetViewMessage | null {
  if (!isRecord(data) || data.v !== PROTOCOL_VERSION || data.type !== MESSAGE_TYPES.setView) return null;
  const { query } = data;
  if (typeof query !== "string" || query.length > MAX_QUERY_LENGTH) return null;
  return setViewMessage(query);
}

function isHttpUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}
