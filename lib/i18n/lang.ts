/**
 * The interface languages. English is the default and stays out of the URL; `zh` is Simplified
 * Chinese. Dependency-free: the browser imports it (query model, live sentence).
 */
export const LANGS = ["en", "zh"] as const;
export type Lang = (typeof LANGS)[number];

export const isLang = (value: string | null | undefined): value is Lang => (LANGS as readonly string[]).includes(value ?? "");

/** The BCP 47 tag for `<html lang>` and `Intl` (dates, numbers, plurals): the data's Chinese is simplified. */
export const LANG_TAGS: Record<Lang, string> = { en: "en", zh: "zh-Hans" };

/** Request header the proxy sets from the `lang` search parameter, for the root layout's `<html lang>`. */
export const LANG_HEADER = "x-lang";

/** The language a request's `lang` search parameter asks for, English when absent or unknown. */
export function langOf(value: string | null | undefined): Lang {
  return isLang(value) ? value : "en";
}

/**
 * The dashboard's home in a language: every "back to the dashboard" link (error pages, source
 * pages) keeps the reader's language, and English, the default, stays out of the URL.
 */
export function homeHref(lang: Lang): string {
  return lang === "en" ? "/" : `/?lang=${lang}`;
}

/** A bilingual name in the reader's language: the English one where the data has no Chinese. */
export function nameIn(lang: Lang, item: Named): string {
  return lang === "zh" && item.nameZh ? item.nameZh : item.name;
}

/** A place, organisation or category: what `nameIn` reads. */
export type Named = { name: string; nameZh?: string };

/**
 * A reference's name in the reader's language, or its id when the dataset has no such record (a
 * link typed by hand, an event pointing at a removed organisation): a label is never blank.
 */
export function nameById(lang: Lang, byId: ReadonlyMap<string, Named>, id: string): string {
  const item = byId.get(id);
  return item ? nameIn(lang, item) : id;
}
