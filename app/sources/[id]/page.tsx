import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DatasetErrorView } from "@/components/DatasetErrorView";
import { formatPartialDate } from "@/lib/dates";
import { plural } from "@/lib/describe";
import { DatasetError, getStore } from "@/lib/store";
import { eventHref, sourcePage } from "@/lib/sources";
import { SourceText } from "./SourceText";
import "./source-page.css";

type Props = { params: Promise<{ id: string }> };

const languageNames = new Intl.DisplayNames(["en"], { type: "language" });

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const index = (await getStore().catch(() => null))?.index;
  const page = index && sourcePage(index, (await params).id);
  return { title: page ? `${page.document.title} — source document` : "Source document not found" };
}

/** One source document, every quoted passage highlighted, anchored and linked back to its event. */
export default async function SourcePageRoute({ params }: Props) {
  const { id } = await params;
  let index;
  try {
    index = (await getStore()).index;
  } catch (error) {
    if (error instanceof DatasetError) return <DatasetErrorView error={error} />;
    throw error;
  }
  const page = sourcePage(index, id);
  if (!page) notFound();
  const { document: doc, paragraphs, citing } = page;
  const lang = doc.language[0];
  return (
    <main className="source-page">
      <p className="back">
        <a href="/">← Back to the dashboard</a>
      </p>
      <header>
        <p className="kicker">Source document</p>
        <h1>{doc.title}</h1>
        <dl className="source-meta">
          {doc.titleSource === "supplied" ? (
            <>
              <dt>Title</dt>
              <dd>described by this project: the document states no title</dd>
            </>
          ) : null}
          <dt>Publisher</dt>
          <dd>{doc.publisher ?? "not stated"}</dd>
          <dt>Date</dt>
          <dd>{doc.date ? <time dateTime={doc.date}>{formatPartialDate(doc.date)}</time> : "not stated"}</dd>
          <dt>Language</dt>
          <dd>{doc.language.map((tag) => languageNames.of(tag) ?? tag).join(", ")}</dd>
          <dt>Original</dt>
          <dd>{doc.url ? <a href={doc.url} rel="noreferrer">{doc.url}</a> : "no address stated"}</dd>
          <dt>File</dt>
          <dd>
            <code>data/sources/{doc.file}</code>
          </dd>
        </dl>
        {doc.note ? <p className="note">{doc.note}</p> : null}
      </header>
      <nav aria-label="Quotes from this document" className="citing">
        {/* Folded: a long list would push the text itself below the fold. */}
        <details>
          <summary>
            {plural(citing.length, "quote")} from this document support {plural(new Set(citing.map((c) => c.eventId)).size, "event")}
          </summary>
          <ol>
            {citing.map((c) => (
              <li key={`${c.eventId}-${c.quoteIndex}`}>
                <a href={eventHref(c.eventId)}>{c.eventTitle}</a>:{" "}
                {c.anchor ? (
                  <a href={`#${c.anchor}`} lang={lang}>
                    “{c.quote}”
                  </a>
                ) : (
                  <span className="note">“{c.quote}” (not found in this text)</span>
                )}
              </li>
            ))}
          </ol>
        </details>
      </nav>
      <h2 className="visually-hidden">Text</h2>
      <SourceText paragraphs={paragraphs} lang={lang} titles={new Map(index.events.map((e) => [e.id, e.title]))} />
    </main>
  );
}
