import "server-only";
import type { DataExtent } from "../data/store";
import { formatPartialDate } from "../core/dates";
import { describeWindow } from "./describe";
import { translator } from "../i18n/translator";
import { embedHref } from "../query/endpoints";
import { searchFor, type Query } from "../query/query";
import { type QueryIssue } from "../query/parse";
import { windowOf } from "../core/time-window";

/**
 * What the page did with a link's values that it could not show as written, in the reader's
 * language: "Ignored: city=atlantis (unknown place)", "from and to were swapped", "from=2030 is after
 * the last event". A link that says nothing would let the reader believe they see what the sender saw.
 */
export interface UrlNotice {
  lines: string[];
  /** The link without what was ignored or corrected, or, for a window beyond the data, without the window. */
  link: { href: string; text: string };
}

const REASON_KEY = {
  city: "unknownCity",
  country: "unknownCountry",
  category: "unknownCategory",
  org: "unknownOrg",
  event: "unknownEvent",
  tour: "unknownTour",
  step: "unknownStep",
} as const;
/** Long hostile values would swamp the notice: it names them, it need not repeat them whole. */
const shown = (value: string) => (value.length > 40 ? `${value.slice(0, 39)}…` : value);

/** `where`: the page the notice is on, whose link it corrects: the dashboard, or an embedded view (which keeps its `ui` and `theme`). */
export function urlNotices(
  issues: QueryIssue[],
  query: Query,
  extent: DataExtent | null,
  where: "page" | "embed" = "page",
): UrlNotice | null {
  const t = translator(query.lang);
  const lines: string[] = [];
  for (const issue of issues) {
    if (issue.reason === "swapped") {
      lines.push(t("notice.swapped", { window: describeWindow(query.from, query.to, query.lang)! }));
      continue;
    }
    const reasonKey =
      issue.reason === "unknown" && issue.param in REASON_KEY ? REASON_KEY[issue.param as keyof typeof REASON_KEY] : "malformed";
    lines.push(t("notice.ignored", { param: issue.param, value: shown(issue.value), reason: t(`notice.reason.${reasonKey}`) }));
  }
  const beyond = beyondData(query, extent);
  if (beyond) lines.push(beyond);
  if (lines.length === 0) return null;
  // Dropped and swapped values are gone from `query` already: its own URL is the corrected one.
  const corrected = issues.length > 0;
  const target = corrected ? query : { ...query, from: null, to: null };
  return {
    lines,
    link: {
      href: where === "embed" ? embedHref(target, {}) : searchFor("view", target) || "/",
      text: t(corrected ? "notice.correctedLink" : "notice.clearTime"),
    },
  };
}

/** A window wholly after the last event or before the first: valid (next year's data may fill it), but empty. */
function beyondData(query: Query, extent: DataExtent | null): string | null {
  if (!extent) return null;
  const t = translator(query.lang);
  const window = windowOf(query);
  const { first, last } = extent;
  if (query.from && window.startMs > last.endMs) {
    return t("notice.afterLast", { value: query.from, date: formatPartialDate(last.end ?? last.start, query.lang) });
  }
  if (query.to && window.endMs < first.startMs) {
    return t("notice.beforeFirst", { value: query.to, date: formatPartialDate(first.start, query.lang) });
  }
  return null;
}
