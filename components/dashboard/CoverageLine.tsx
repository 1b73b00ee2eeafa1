import type { Lang } from "@/lib/i18n/lang";
import { translator } from "@/lib/i18n/translator";
import { SOURCES_INDEX, sourcesHref } from "@/lib/sources/sources";
import type { Coverage } from "@/lib/sources/coverage";
import { coverageLine } from "@/lib/view/coverage";
import { BACK_LINK_PROPS } from "./back-links";

/** The page listing the guided tours. */
const TOURS_INDEX = "/tours";

/**
 * "54 events from 4 documents, 40 of them from “About Us” (UNESCO-ICHEI) — about this data": on
 * every view, so that a gap in the timeline reads as a gap in the documents. A server component:
 * the dataset's counts, never its records, reach the page. The link carries the view to come back to.
 */
export function CoverageLine({ coverage, lang, back, tours = false }: { coverage: Coverage; lang: Lang; back: string; tours?: boolean }) {
  const { line, largest } = coverageLine(coverage, lang);
  const comma = lang === "zh" ? "，" : ", ";
  return (
    <p className="coverage" data-testid="coverage">
      {line}
      {/* Left out on a phone, where the masthead is kept short: the link says it all on the page it opens. */}
      {largest ? <span className="coverage-largest">{`${comma}${largest}`}</span> : null}
      {" — "}
      <a href={sourcesHref(SOURCES_INDEX, lang, back)} {...BACK_LINK_PROPS}>
        {translator(lang)("coverage.link")}
      </a>
      {/* The guided tours, when the data has any (/tours), likewise leading back to this view. */}
      {tours ? (
        <>
          <span className="coverage-sep">{" · "}</span>
          {/* On a phone, beside the title under the language link, so the coverage stays one line. */}
          <a className="coverage-tours" href={sourcesHref(TOURS_INDEX, lang, back)} {...BACK_LINK_PROPS}>
            {translator(lang)("tour.dashboardLink")}
          </a>
        </>
      ) : null}
    </p>
  );
}
