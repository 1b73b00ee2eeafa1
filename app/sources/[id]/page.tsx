import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DatasetErrorView } from "@/components/dashboard/DatasetErrorView";
import { formatPartialDate } from "@/lib/core/dates";
import { translator } from "@/lib/i18n/translator";
import { storeOrRefusal } from "@/lib/http/unavailable";
import { LANG_TAGS, langOf } from "@/lib/i18n/lang";
import { readBack } from "@/lib/query/read-back";
import { eventHref, SOURCES_INDEX, sourcesHref } from "@/lib/sources/sources";
import { SourceText } from "./SourceText";
import "./source-page.css";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The reader's language, from the same `lang` parameter as the dashboard's. */
const langFrom = async (searchParams: Props["searchParams"]) => {
  const lang = (await searchParams).lang;
  return langOf(Array.isArray(lang) ? lang[0] : lang);
};

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const t = translator(await langFrom(searchParams));
  const { store } = await storeOrRefusal();
  const page = store && (await store.source((await params).id));
  return { title: page ? t("source.pageTitle", { title: page.document.title }) : t("source.pageNotFound") };
}

/** One source document, every quoted passage highlighted, anchored and linked back to its event. */
export default async function SourcePageRoute({ params, searchParams }: Props) {
  const { id } = await params;
  const reader = await langFrom(searchParams);
  const t = translator(reader);
  const languageNames = new Intl.DisplayNames([LANG_TAGS[reader]], { type: "language" });
  const { store, refused } = await storeOrRefusal();
  if (refused) return <DatasetErrorView error={refused} lang={reader} />;
  const page = await store.source(id);
  if (!page) notFound();
  // Back to the view this page was opened from, as the link carried it (never the text as given).
  const { back, href: backHref } = readBack((await searchParams).back, reader, store.vocabulary);
  const { document: doc, paragraphs, citing } = page;
  const lang = doc.language[0];
  return (
    <main className="source-page">
      <p className="back">
        <a href={backHref}>{t("source.back")}</a>
        {" · "}
        <a href={sourcesHref(SOURCES_INDEX, reader, back)}>{t("source.allSources")}</a>
      </p>
      <header>
        <p className="kicker">{t("source.kicker")}</p>
        <h1>{doc.title}</h1>
        <dl className="source-meta">
          {doc.titleSource === "supplied" ? (
            <>
              <dt>{t("source.title")}</dt>
              <dd>{t("source.titleSupplied")}</dd>
            </>
          ) : null}
          <dt>{t("source.publisher")}</dt>
          <dd>{doc.publisher ?? t("source.notStated")}</dd>
          <dt>{t("source.date")}</dt>
          <dd>{doc.date ? <time dateTime={doc.date}>{formatPartialDate(doc.date, reader)}</time> : t("source.notStated")}</dd>
          <dt>{t("source.language")}</dt>
          <dd>{doc.language.map((tag) => languageNames.of(tag) ?? tag).join(reader === "zh" ? "、" : ", ")}</dd>
          <dt>{t("source.original")}</dt>
          <dd>
            {doc.url ? (
              <a href={doc.url} rel="noreferrer">
                {doc.url}
              </a>
            ) : (
              t("source.noAddress")
            )}
          </dd>
          <dt>{t("source.file")}</dt>
          <dd>
            <code>data/sources/{doc.file}</code>
          </dd>
        </dl>
        {doc.note ? <p className="note">{doc.note}</p> : null}
      </header>
      <nav aria-label={t("source.quotesNav")} className="citing">
        {/* Folded: a long list would push the text itself below the fold. */}
        <details>
          <summary>{t("source.quotesSummary", { quotes: citing.length, events: new Set(citing.map((c) => c.eventId)).size })}</summary>
          <ol>
            {citing.map((c) => (
              <li key={`${c.eventId}-${c.quoteIndex}`}>
                <a href={eventHref(c.eventId, reader)}>{reader === "zh" ? (c.eventTitleZh ?? c.eventTitle) : c.eventTitle}</a>
                {reader === "zh" ? "：" : ": "}
                {c.anchor ? (
                  <a href={`#${c.anchor}`} lang={lang}>
                    “{c.quote}”
                  </a>
                ) : (
                  <span className="note">
                    “{c.quote}” {t("source.notFound")}
                  </span>
                )}
              </li>
            ))}
          </ol>
        </details>
      </nav>
      <h2 className="visually-hidden">{t("source.text")}</h2>
      <SourceText
        paragraphs={paragraphs}
        lang={lang}
        reader={reader}
        quotedBy={(titles) => t("source.quotedBy", { titles: titles.join(reader === "zh" ? "；" : "; ") })}
        titles={new Map(citing.map((c) => [c.eventId, reader === "zh" ? (c.eventTitleZh ?? c.eventTitle) : c.eventTitle]))}
      />
    </main>
  );
}
