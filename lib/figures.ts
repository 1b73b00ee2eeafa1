import type { Figure, FigureQualifier } from "./schema";
import { figureLabel } from "./labels";

/**
 * How each figure reads, `#` standing for the number: plural forms follow `Intl.PluralRules`
 * categories, ordinals take the number as "38th". All English wording is here, in one table, so a
 * translation adds a sibling table instead of touching the code that uses it.
 */
type Wording = { one: string; other: string } | { ordinal: string };

const FIGURE_WORDING_EN: Record<string, Wording> = {
  asiaAfricaPartnerInstitutions: { one: "# partner higher-education institution in Asia and Africa", other: "# partner higher-education institutions in Asia and Africa" },
  chineseInstitutions: { one: "# higher-education institution in China", other: "# higher-education institutions in China" },
  cooperationProjects: { one: "# cooperation project", other: "# cooperation projects" },
  countries: { one: "# country", other: "# countries" },
  countriesAndRegions: { one: "# country or region", other: "# countries and regions" },
  edition: { ordinal: "# edition" },
  eltAssociationPresidents: { one: "# president of an English teachers' association", other: "# presidents of English teachers' associations" },
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
  trainingParticipants: { one: "# participant in the first international training programme", other: "# participants in the first international training programme" },
};

const QUALIFIER_EN: Record<FigureQualifier, string> = {
  about: "about",
  "more than": "more than",
  nearly: "nearly",
  "at least": "at least",
};

const ORDINAL_SUFFIX_EN: Record<string, string> = { one: "st", two: "nd", few: "rd", other: "th" };

const numberFormat = new Intl.NumberFormat("en");
const cardinal = new Intl.PluralRules("en");
const ordinal = new Intl.PluralRules("en", { type: "ordinal" });

/** Whether the table has wording for this figure; other keys (a user's own dataset) read as their split name. */
export const hasFigureWording = (key: string) => Object.hasOwn(FIGURE_WORDING_EN, key);

/** `figureText("foreignExperts", {value: 2600, qualifier: "about"})` → "about 2,600 foreign experts". */
export function figureText(key: string, figure: Figure): string {
  const wording: Wording = hasFigureWording(key) ? FIGURE_WORDING_EN[key] : { one: `# ${figureLabel(key)}`, other: `# ${figureLabel(key)}` };
  const number = numberFormat.format(figure.value);
  const qualifier = figure.qualifier ? `${QUALIFIER_EN[figure.qualifier]} ` : "";
  if ("ordinal" in wording) {
    return qualifier + wording.ordinal.replace("#", number + ORDINAL_SUFFIX_EN[ordinal.select(figure.value)]);
  }
  // "more than 1" already means several: only an exact 1 is singular.
  const form = !figure.qualifier && cardinal.select(figure.value) === "one" ? wording.one : wording.other;
  const text = form.replace("#", number);
  // The qualifier belongs to the number, wherever the wording puts it ("renewed for about 8 years").
  return qualifier ? text.replace(number, qualifier + number) : text;
}

/** Every figure of an event as text, in the data's order. */
export function figureTexts(figures: Record<string, Figure> | undefined): string[] {
  return Object.entries(figures ?? {}).map(([key, figure]) => figureText(key, figure));
}
