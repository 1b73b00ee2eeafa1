import type { EventDetailModel, OutsideView } from "@/lib/view/detail";
import type { UiText } from "@/lib/i18n/ui-text";
import { withBack } from "@/lib/query/back";
import { BACK_LINK_PROPS } from "../dashboard/back-links";
import { ViewLink } from "../dashboard/ViewContext";

/**
 * What the sources say about the selected event, with the quotes that support them. A server
 * component (page.tsx renders it; EventDetail frames it): its code stays out of the browser's bundle.
 * `back` is the view it is shown in (lib/query/back.ts): a quote's link leads to its passage and back.
 */
export function EventDetailBody({
  detail,
  text,
  back,
}: {
  detail: EventDetailModel & { outside?: OutsideView | null };
  text: UiText;
  back: string;
}) {
  const t = text.detail;
  const other = text.lang === "zh" ? "en" : "zh-Hans";
  return (
    <>
      {detail.outside ? <OutsideNotice outside={detail.outside} /> : null}
      {detail.altTitle ? (
        <p className="title-alt" lang={other}>
          {detail.altTitle}
        </p>
      ) : null}
      {detail.titleZhNote ? (
        <p className="note title-source" data-testid="title-zh-source">
          {detail.titleZhNote}
        </p>
      ) : null}
      <dl>
        <dt>{t.date}</dt>
        <dd>
          {detail.date}
          {detail.precisionNote ? <span className="note"> ({detail.precisionNote})</span> : null}
          {detail.dateNote ? <span className="note"> — {detail.dateNote}</span> : null}
        </dd>
        <dt>{t.place}</dt>
        <dd>
          {detail.where}
          {detail.placeAlt ? <span lang={other}> · {detail.placeAlt}</span> : null}
          <span className="note"> — {detail.placeNote}</span>
        </dd>
        <dt>{t.category}</dt>
        <dd>{detail.category}</dd>
        {detail.organizations.length > 0 ? (
          <>
            <dt>{t.organizations}</dt>
            <dd>
              <ul className="inline-list">
                {detail.organizations.map((name) => (
                  <li key={name}>{name}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        {detail.people.length > 0 ? (
          <>
            <dt>{t.people}</dt>
            <dd>{detail.people.join(", ")}</dd>
          </>
        ) : null}
        {detail.figures.length > 0 ? (
          <>
            <dt>{t.figures}</dt>
            <dd>
              <ul className="inline-list">
                {detail.figures.map((figure) => (
                  <li key={figure}>{figure}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
      <p className="summary-text" lang="en">
        {detail.summary}
      </p>
      <h3>{t.sources}</h3>
      <ul className="sources">
        {detail.sources.map((source, i) => (
          <li key={i}>
            <q>{source.quote}</q>{" "}
            {source.href ? (
              <a href={withBack(source.href, back)} className="source-link" {...BACK_LINK_PROPS}>
                <cite>{source.document}</cite>
              </a>
            ) : (
              <cite>{source.document}</cite>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The open event is left out by the view's filters: which, and one click that removes just those (through the URL). */
function OutsideNotice({ outside }: { outside: OutsideView }) {
  return (
    <div className="detail-outside" role="note" data-testid="detail-outside">
      <p>{outside.text}</p>
      <ViewLink patch={outside.patch} className="button" label={outside.showLabel}>
        {outside.show}
      </ViewLink>
    </div>
  );
}
