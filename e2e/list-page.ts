import { LIST_PAGE } from "../lib/timeline/live-view";

/**
 * The rows the list shows for `matched` events before "Show more": all of them, up to one page.
 * Tests count rows with it so they hold however large the dataset grows.
 */
export const firstListPage = (matched: number) => Math.min(matched, LIST_PAGE);
