import "server-only";
import type { Figure, FigureQualifier } from "../data/schema";
import { figureLabel } from "./labels";
import type { Lang } from "../i18n/lang";

/**
 * How each figure reads, `#` standing for the number: plural forms follow `Intl.PluralRules`
 * categories, ordinals take the number as "38th". All English wording is here, in one table, so a
 * translation adds a sibling table instead of touching the code that uses it.
 */
type Wording = { one?: string; other: string } | { ordinal: string };

const FIGURE_WORDING_EN: Record<string, Wording> = {
  asiaAfricaPartnerInstitutions: {
    one: "# partner higher-education institution in Asia and Africa",
    other: "# partner higher-education institutions in Asia and Africa",
  },
  chineseInstitutions: { one: "# higher-education institution in China", other: "# higher-education institutions in China" },
  cooperationProjects: { one: "# cooperation project", other: "# cooperation projects" },
  countries: { one: "# country", other: "# countries" },
  countriesAndRegions: { one: "# country or region", other: "# countries and regions" },
  edition: { ordinal: "# edition" },
  eltAssociationPresidents: {
    one: "# president of an English teachers' association",
    other: "# presidents of English teachers' associations",
  },
  foreignExperts: { one: "# foreign expert", other: "# foreign experts" },
  guests: { one: "# guest", other: "# guests" },
  languages: { one: "# language", other: "# languages" },
  memberInstitutions: { one: "# member university or institution", other: "# member universities and institutions" },
  nationalCentres: { one: "# IIOE National Centre", other: "# IIOE National Centres" },
  nationalUniversities: { one: "# national university", other: "# national universities" },
  newNationalCentres: { one: "# newly established IIOE National Centre", other: "# newly established IIOE National Centres" },
  newSmartClassrooms: { one: "# new Smart Classroom", other: "# new Smart Classrooms" },
  onSiteParticipants: { one: "# on-site participant", other: "# on-site participants" },
  renewalYears: { one: "renewed for # year", other: "renewed for # years" },
  representatives: { one: "# representative", other: "# representatives" },
  session: { ordinal: "# session" },
  shenzhenUniversities: { one: "# university in Shenzhen", other: "# universities in Shenzhen" },
  smartClassrooms: { one: "# Smart Classroom", other: "# Smart Classrooms" },
  trainingParticipants: {
    one: "# participant in the first international training programme",
    other: "# participants in the first international training programme",
  },
};

/**
 * The same figures in Chinese: no plural forms (one template serves every number), measure words
 * chosen per noun, ordinals written 第…届.
 */
const FIGURE_WORDING_ZH: Record<string, Wording> = {
  asiaAfricaPartnerInstitutions: { other: "亚洲和非洲 # 所合作高等教育机构" },
  chineseInstitutions: { other: "中国 # 所高等教育机构" },
  cooperationProjects: { other: "# 个合作项目" },
  countries: { other: "# 个国家" },
  countriesAndRegions: { other: "# 个国家和地区" },
  edition: { ordinal: "第 # 届" },
  eltAssociationPresidents: { other: "# 位英语教师协会会长" },
  foreignExperts: { other: "# 名外国专家" },
  guests: { other: "# 位嘉宾" },
  languages: { other: "# 种语言" },
  memberInstitutions: { other: "# 所成员高校和机构" },
  nationalCentres: { other: "# 个 IIOE 国家中心" },
  nationalUniversities: { other: "# 所国立大学" },
  newNationalCentres: { other: "# 个新设立的 IIOE 国家中心" },
  newSmartClassrooms: { other: "# 间新智慧教室" },
  onSiteParticipants: { other: "# 名现场参会者" },
  renewalYears: { other: "续约 # 年" },
  representatives: { other: "# 名代表" },
  session: { ordinal: "第 # 届会议" },
  shenzhenUniversities: { other: "深圳 # 所大学" },
  smartClassrooms: { other: "# 间智慧教室" },
  trainingParticipants: { other: "首期国际培训项目 # 名学员" },
};

const QUALIFIER_ZH: Record<FigureQualifier, string> = { about: "约", "more than": "超过", nearly: "近", "at least": "至少" };

const QUALIFIER_EN: Record<FigureQualifier, string> = {
  about: "about",
  "more than": "more than",
  nearly: "nearly",
  "at least": "at least",
};

const ORDINAL_SUFFIX_EN: Record<string, string> = { one: "st", two: "nd", few: "rd", other: "th" };

const WORDING: Record<Lang, Record<string, Wording>> = { en: FIGURE_WORDING_EN, zh: FIGURE_WORDING_ZH };
const QUALIFIER: Record<Lang, Record<FigureQualifier, string>> = { en: QUALIFIER_EN, zh: QUALIFIER_ZH };
const numberFormat = new Intl.NumberFormat("en");
const cardinal = new Intl.PluralRules("en");
const ordinal = new Intl.PluralRules("en", { type: "ordinal" });

/** `figureText("foreignExperts", {value: 2600, qualifier: "about"})` → "about 2,600 foreign experts" (zh: "约 2,600 名外国专家"). */
export function figureText(key: string, figure: Figure, lang: Lang = "en"): string {
  const table = WORDING[lang];
  const wording: Wording = Object.hasOwn(table, key) ? table[key] : { other: `# ${figureLabel(key)}` };
  const number = numberFormat.format(figure.value);
  const qualifier = figure.qualifier ? `${QUALIFIER[lang][figure.qualifier]}${lang === "en" ? " " : ""}` : "";
  if ("ordinal" in wording) {
    const ordinalNumber = lang === "en" ? number + ORDINAL_SUFFIX_EN[ordinal.select(figure.value)] : number;
    return qualifier + wording.ordinal.replace("#", ordinalNumber);
  }
  // "more than 1" already means several: only an exact 1 is singular.
  const form = !figure.qualifier && cardinal.select(figure.value) === "one" && wording.one ? wording.one : wording.other;
  const text = form.replace("#", number);
  // The qualifier belongs to the number, wherever the wording puts it ("renewed for about 8 years").
  return qualifier ? text.replace(number, qualifier + number) : text;
}

/** Every figure of an event as text, in the data's order. */
export function figureTexts(figures: Record<string, Figure> | undefined, lang: Lang = "en"): string[] {
  return Object.entries(figures ?? {}).map(([key, figure]) => figureText(key, figure, lang));
}
