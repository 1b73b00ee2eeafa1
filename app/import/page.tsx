import type { Metadata } from "next";
import { ImportTool } from "@/components/import/ImportTool";
import { MESSAGES, translator } from "@/lib/i18n/translator";
import { homeHref, LANG_TAGS, langOf, type Lang } from "@/lib/i18n/lang";
import { IMPORT_PAGE } from "@/lib/import/page";
import { EMPTY_QUERY } from "@/lib/query/query";
import { exportHref } from "@/lib/query/endpoints";
import { sourcesHref } from "@/lib/sources/sources";
import "../sources/[id]/source-page.css";
import "./import-page.css";

type SearchParams = Record<string, string | string[] | undefined>;
type Props = { searchParams: Promise<SearchParams> };

const readerOf = (params: SearchParams) => langOf([params.lang].flat()[0]);

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  return { title: translator(readerOf(await searchParams))("import.pageTitle") };
}

/**
 * Bring your own events: a curator's file checked in the browser (a Web Worker runs the importer,
 * lib/import), every problem named by its cell. Nothing is uploaded: the server only sends the page
 * and its words, already in the reader's language.
 */
export default async function ImportRoute({ searchParams }: Props) {
  const reader: Lang = readerOf(await searchParams);
  const t = translator(reader);
  const other: Lang = reader === "en" ? "zh" : "en";
  return (
    <main className="source-page import-page">
      <p className="back">
        <a href={homeHref(reader)}>{t("import.back")}</a>
        {" · "}
        <a href={sourcesHref(IMPORT_PAGE, other)} hrefLang={other} lang={LANG_TAGS[other]}>
          {t("import.switchTo")}
        </a>
      </p>
      <header>
        <p className="kicker">{t("import.kicker")}</p>
        <h1>{t("import.heading")}</h1>
        <p>{t("import.intro")}</p>
        <p>
          {t("import.formats")} <a href={exportHref({ ...EMPTY_QUERY, lang: reader }, { format: "csv" })}>{t("import.template")}</a>.
        </p>
        <p className="note">{t("import.gazetteer")}</p>
      </header>
      <ImportTool text={MESSAGES[reader].import} lang={reader} />
    </main>
  );
}
