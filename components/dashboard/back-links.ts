import { backValue, withBack } from "@/lib/query/back";
import type { Query } from "@/lib/query/query";

/**
 * Links that leave the dashboard for a page about the data (a source document, the sources index)
 * carry the view to come back to in their `back` parameter, written by the server. The map's viewport
 * changes without asking the server (a pan is shallow), so the view such a link carries is brought
 * up to date in the browser as it is followed (`useFreshBackLinks`). Plain DOM, no React: server
 * components mark their links with it.
 */
export const BACK_LINK_PROPS = { "data-back": "" } as const;
const BACK_LINK_SELECTOR = "a[data-back]";

/** Puts the current view on the link `target` is in, if it is one that carries the view. */
export function refreshBackLink(target: EventTarget | null, query: Query): void {
  // Any event target: a text node or the document has no `closest`.
  const link = (target as Partial<Element> | null)?.closest?.(BACK_LINK_SELECTOR);
  const href = link?.getAttribute("href");
  if (link && href) link.setAttribute("href", withBack(href, backValue(query)));
}
