import type { Metadata } from "next";
import { DatasetErrorView } from "@/components/dashboard/DatasetErrorView";
import { translator } from "@/lib/i18n/translator";
import { formatCount } from "@/lib/i18n/plural";
import { langOf, type Lang } from "@/lib/i18n/lang";
import { storeOrRefusal } from "@/lib/http/unavailable";
import { IMPORT_PAGE } from "@/lib/import/page";
import { readBack } from "@/lib/query/read-back";
import { sourcePath, sourcesHref } from "@/lib/sources/sources";
import type { DocumentCoverage } from "@/lib/sources/coverage";
import { documentFacts, yearSpan } from "@/lib/view/coverage";
import "./[id]/source-page.css";

type SearchParams = Record<string, string | string[] | undefined>;
type Props = { searchParams: Promise<SearchParams> };

const readerOf = (params: SearchParams) => langOf([params.lang].flat()[0]);

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  return { title: translator(readerOf(await searchParams))("sources.pageTitle") };
}

/**
 * What the data covers and where it comes from: each source document, what it is and is not, and
 * how many events rest on it. Reached from every dashboard view, and leading back to that view.
 */
export default async function SourcesIndexRoute({ searchParams }: Props) {
  const params = await searchParams;
  const reader = readerOf(params);
  const t = translator(reader);
  const { store, refused } = await storeOrRefusal();
  if (refused) return <DatasetErrorView error={refused} lang={reader} />;
  const { back, href: backHref } = readBack(params.back, reader, store.vocabulary);
  const { coverage, withText } = await store.sourcesIndex();
  return (
    <main className="source-page sources-index">
      <p className="back">
        <a href={backHref}>{t("source.back")}</a>
      </p>
      <header>
        <p className="kicker">{t("sources.kicker")}</p>
        <h1>{t("sources.heading")}</h1>
        <p data-testid="sources-scope">
          {t("sources.scope", { events: coverage.events, years: yearSpan(coverage.years), documents: coverage.cited })}
        </p>
        <p>{t("sources.limits")}</p>
        {coverage.unmapped > 0 ? <p>{t("sources.unmapped", { count: coverage.unmapped })}</p> : null}
      </header>
      <h2>{t("sources.documents")}</h2>
      <ol className="documents">
        {coverage.documents.map((doc) => (
          <DocumentEntry
            key={doc.file}
            doc={doc}
            reader={reader}
            href={doc.document && withText.has(doc.file) ? sourcesHref(sourcePath(doc.document.id), reader, back) : null}
          />
        ))}
      </ol>
      <p className="note">
        {t("import.linkIntro")} <a href={sourcesHref(IMPORT_PAGE, reader)}>{t("import.link")}</a>
      </p>
    </main>
  );
}

/** One document: its title (linked to its page when it has one), what it is and is not, and what rests on it. */
function DocumentEntry({ doc, reader, href }: { doc: DocumentCoverage; reader: Lang; href: string | null }) {
  const t = translator(reader);
  const { document } = doc;
  const facts = document && documentFacts(document, reader);
  const count = (n: number) => formatCount(n, reader);
  const title = document?.title ?? doc.file;
  return (
    <li className="document" data-testid="source-document">
      <h3>{href ? <a href={href}>{title}</a> : title}</h3>
      {facts ? (
        <p>{[facts.is, facts.isNot].filter(Boolean).join(reader === "zh" ? "" : " ")}</p>
      ) : (
        <p className="note">{t("sources.unlisted")}</p>
      )}
      <dl className="source-meta">
        <dt>{t("sources.events")}</dt>
        <dd data-testid="source-events">{count(doc.events)}</dd>
        <dt>{t("sources.only")}</dt>
        <dd>{count(doc.only)}</dd>
        <dt>{t("sources.years")}</dt>
        <dd>{doc.years ? yearSpan(doc.years) : t("sources.none")}</dd>
        <dt>{t("sources.quotes")}</dt>
        <dd>{count(doc.quotes)}</dd>
      </dl>
      {/* The note is the dataset's own description, written in English. */}
      {document?.note ? (
        <p className="note" lang="en">
          {document.note}
        </p>
      ) : null}
    </li>
  );
}
