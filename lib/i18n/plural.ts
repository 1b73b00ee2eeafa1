import { LANG_TAGS, type Lang } from "./lang";

/**
 * Counts the browser writes itself (live totals while the timeline is dragged, pin labels): the
 * server turns each ICU plural message into one template per plural category of the language, `#`
 * standing for the number, `{name}` for other values. The browser picks the form with the built-in
 * `Intl.PluralRules` — no message-format library or catalogue crosses to the client.
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const rules = new Map<Lang, Intl.PluralRules>();
const numbers = new Map<Lang, Intl.NumberFormat>();

export function formatCount(n: number, lang: Lang): string {
  let format = numbers.get(lang);
  if (!format) numbers.set(lang, (format = new Intl.NumberFormat(LANG_TAGS[lang])));
  return format.format(n);
}

/** Fills `{name}` placeholders with plain values. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** `countText({one: "# event", other: "# events"}, 1600, "en")` → "1,600 events". */
export function countText(forms: PluralForms, n: number, lang: Lang, values: Record<string, string | number> = {}): string {
  let rule = rules.get(lang);
  if (!rule) rules.set(lang, (rule = new Intl.PluralRules(LANG_TAGS[lang])));
  const form = forms[rule.select(n)] ?? forms.other;
  return fill(form.replace("#", formatCount(n, lang)), values);
}
