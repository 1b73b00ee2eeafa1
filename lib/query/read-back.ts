import type { Lang } from "../i18n/lang";
import { backValue } from "./back";
import { searchFor, type Vocabulary } from "./query";
import { parseQuery } from "./parse";

/**
 * What a page opened from the dashboard makes of its `back` parameter: the view, read by the
 * dashboard's parsers (values of no known form and ids the dataset lacks dropped, every other
 * parameter ignored), and the link back to it in the reader's language. The href is always `/`
 * followed by a query string this module wrote itself: never another site, never the text as given.
 */
export function readBack(raw: string | string[] | undefined, lang: Lang, vocabulary?: Vocabulary): { back: string; href: string } {
  const given = [raw ?? ""].flat()[0];
  const { query } = parseQuery(new URLSearchParams(given), vocabulary);
  return { back: backValue(query), href: `/${searchFor("page", { ...query, lang })}` };
}
