import "server-only";
import type { DatasetIndex } from "../data/dataset";
import { formatPartialDate } from "../core/dates";
import { LANG_TAGS, type Lang } from "../i18n/lang";
import { translator } from "../i18n/translator";
import { coverageOf, type Coverage, type DocumentCoverage, type YearSpan } from "../sources/coverage";

/**
 * The dataset's coverage in words: the line every dashboard view shows and the facts of the sources
 * index (app/sources/page.tsx). Everything said is counted from the records or read from
 * `sources.json`: nothing about a document that the data does not hold.
 */

// Counted once per dataset version (an index is one version): every page shows it.
const counted = new WeakMap<Pick<DatasetIndex, "events" | "dataset">, Coverage>();

export function datasetCoverage(index: Pick<DatasetIndex, "events" | "dataset">): Coverage {
  let coverage = counted.get(index);
  if (!coverage) counted.set(index, (coverage = coverageOf(index)));
  return coverage;
}

export const yearSpan = (years: YearSpan | null): string =>
  !years ? "" : years.first === years.last ? String(years.first) : `${years.first}–${years.last}`;

/** “About Us” (UNESCO-ICHEI): a document as the coverage line names it; a file the dataset does not list, by its name. */
export function documentName(doc: DocumentCoverage, lang: Lang): string {
  const t = translator(lang);
  const { document } = doc;
  if (!document) return doc.file;
  return document.publisher
    ? t("coverage.documentByPublisher", { title: document.title, publisher: document.publisher })
    : t("coverage.document", { title: document.title });
}

/**
 * "54 events from 4 documents, 40 of them from “About Us” (UNESCO-ICHEI)": how much there is, and
 * how much of it one document holds (the first thing to know before reading a gap as a gap).
 */
export function coverageLine(coverage: Coverage, lang: Lang): { line: string; largest: string | null } {
  const t = translator(lang);
  const line = t("coverage.line", { events: coverage.events, documents: coverage.cited });
  const top = coverage.documents[0];
  const largest = coverage.cited > 1 ? t("coverage.largest", { count: top.events, document: documentName(top, lang) }) : null;
  return { line, largest };
}

/**
 * What a document is and is not, from its entry: "A document in English, with a title of its own,
 * published by UNESCO-ICHEI." and "It states no date or address." (null when it states all four).
 */
export function documentFacts(doc: NonNullable<DocumentCoverage["document"]>, lang: Lang): { is: string; isNot: string | null } {
  const t = translator(lang);
  const tag = LANG_TAGS[lang];
  const languageNames = new Intl.DisplayNames([tag], { type: "language" });
  const languages = new Intl.ListFormat(tag, { type: "conjunction" }).format(doc.language.map((l) => languageNames.of(l) ?? l));
  const is = t("sources.is", {
    languages,
    titled: doc.titleSource,
    hasPublisher: doc.publisher ? "yes" : "no",
    publisher: doc.publisher ?? "",
    hasDate: doc.date ? "yes" : "no",
    date: doc.date ? formatPartialDate(doc.date, lang) : "",
  });
  const missing = [
    doc.titleSource === "supplied" && t("sources.fieldTitle"),
    !doc.publisher && t("sources.fieldPublisher"),
    !doc.date && t("sources.fieldDate"),
    !doc.url && t("sources.fieldAddress"),
  ].filter((field): field is string => Boolean(field));
  const isNot = missing.length ? t("sources.isNot", { fields: new Intl.ListFormat(tag, { type: "disjunction" }).format(missing) }) : null;
  return { is, isNot };
}
