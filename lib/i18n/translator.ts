import { createTranslator } from "next-intl";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";
import { LANG_TAGS, type Lang } from "./lang";
import { formatCount, type PluralForms } from "./plural";

/**
 * Server-side translation with next-intl's ICU message formatter (`createTranslator`, which works
 * outside React and without next-intl's request-config plugin). Only the server reads the
 * catalogues: the browser receives strings already written, and the few count templates it fills
 * itself (see plural.ts).
 */
export const MESSAGES = { en, zh } satisfies Record<Lang, typeof en>;

const make = (lang: Lang) => createTranslator({ locale: LANG_TAGS[lang], messages: MESSAGES[lang] as typeof en });
export type Translator = ReturnType<typeof make>;

const translators = new Map<Lang, Translator>();

export function translator(lang: Lang): Translator {
  let t = translators.get(lang);
  if (!t) translators.set(lang, (t = make(lang)));
  return t;
}

type CountKey = "events" | "places" | "matchedOf" | "all" | "unmapped" | "offscreen" | "timelineCluster" | "timelineClusterTip";
const COUNT_ARG: Partial<Record<CountKey, string>> = { matchedOf: "total", all: "total" };

/** A sample number of each plural category of the language (e.g. en: one → 1, other → 2). */
function samples(lang: Lang): [Intl.LDMLPluralRule, number][] {
  const rules = new Intl.PluralRules(LANG_TAGS[lang]);
  const found = new Map<Intl.LDMLPluralRule, number>();
  for (let n = 1; n < 1000 && found.size < rules.resolvedOptions().pluralCategories.length; n++) {
    if (!found.has(rules.select(n))) found.set(rules.select(n), n);
  }
  return [...found];
}

/** The ICU plural message `count.<key>` as one template per plural category, for the browser. */
export function pluralForms(lang: Lang, key: CountKey): PluralForms {
  const t = translator(lang);
  const forms: Partial<Record<Intl.LDMLPluralRule, string>> = {};
  for (const [category, n] of samples(lang)) {
    // Other values stay placeholders, filled in the browser: ICU output is never parsed again.
    const text = t(`count.${key}`, { [COUNT_ARG[key] ?? "count"]: n, matched: "{matched}" } as never);
    forms[category] = text.replace(formatCount(n, lang), "#");
  }
  return { other: "#", ...forms };
}
