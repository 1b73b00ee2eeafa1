import type { Lang } from "@/lib/i18n/lang";
import type { Segment } from "@/lib/sources/sources";
import { eventHref } from "@/lib/sources/sources";

interface Props {
  paragraphs: Segment[][];
  lang: string;
  /** Event titles by id, in the reader's language, for the marks' accessible names. */
  titles: ReadonlyMap<string, string>;
  /** The reader's language (the document keeps its own, `lang`). */
  reader: Lang;
  /** "Quoted by: …", in the reader's language. */
  quotedBy: (titles: string[]) => string;
}

/**
 * The document's text, one paragraph per line. A quoted run is a <mark> carrying the anchor of the
 * quote that begins there (other quotes beginning at the same point get an empty anchor before it)
 * and a link to the event, so a reader can go from a passage to the event it supports and back.
 */
export function SourceText({ paragraphs, lang, titles, reader, quotedBy }: Props) {
  return (
    <article className="source-text" lang={lang}>
      {paragraphs.map((segments, p) => (
        <p key={p}>
          {segments.map((segment, s) => {
            if (segment.quotes.length === 0) return segment.text;
            // The innermost (latest-starting) quote is the most specific one for this run.
            const quote = segment.quotes[segment.quotes.length - 1];
            const [first, ...more] = segment.starts;
            const events = [...new Set(segment.quotes.map((q) => q.eventId))];
            return (
              <span key={s}>
                {more.map((q) => (
                  <span key={q.anchor} id={q.anchor} className="anchor" />
                ))}
                <mark id={first?.anchor} data-events={events.join(" ")}>
                  <a href={eventHref(quote.eventId, reader)} title={quotedBy(events.map((id) => titles.get(id) ?? id))}>
                    {segment.text}
                  </a>
                </mark>
              </span>
            );
          })}
        </p>
      ))}
    </article>
  );
}
