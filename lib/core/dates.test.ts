import { describe, expect, it } from "vitest";
import { formatPartialDate, formatSpan, periodLabel, periodStart, rangeLabel } from "./dates";
import { translator } from "../i18n/translator";
import type { Lang } from "../i18n/lang";

const wordsIn = (lang: Lang) => ({
  week: translator(lang).raw("panels.bucketWeek") as string,
  quarter: translator(lang).raw("panels.bucketQuarter") as string,
});
const at = (day: string) => periodStart(day);

describe("dates as the reader sees them", () => {
  it("writes a partial date with exactly its precision, day first in English", () => {
    expect(["2016-06-08", "2015-05", "2016", "2025-09-21"].map((d) => formatPartialDate(d))).toEqual([
      "8 Jun 2016",
      "May 2015",
      "2016",
      "21 Sep 2025",
    ]);
  });

  it("writes what two ends share once", () => {
    expect(formatSpan("2025-10-13", "2025-10-15")).toBe("13–15 Oct 2025");
    expect(formatSpan("2016-07-05", "2016-08-04")).toBe("5 Jul – 4 Aug 2016");
    expect(formatSpan("2022-04", "2022-05")).toBe("Apr–May 2022");
    expect(formatSpan("2015-07-05", "2016-07-04")).toBe("5 Jul 2015 – 4 Jul 2016");
    expect(formatSpan("2021-12", "2022-01")).toBe("December 2021 – January 2022");
    expect(formatSpan("2015-05", "2015-06-12")).toBe("May 2015 – 12 Jun 2015");
  });

  it("labels a window at the precision of its dates, open sides and whole years with the catalogue's words", () => {
    const words = { since: "since {date}", until: "until {date}", yearSpan: "{from}–{to}" };
    expect(rangeLabel("2016-07-05", "2016-07-05", "en", words)).toBe("5 Jul 2016");
    expect(rangeLabel("2020", "2024", "en", words)).toBe("2020–2024");
    expect(rangeLabel("2019-04", "2019-08", "en", words)).toBe("Apr–Aug 2019");
    expect(rangeLabel(null, "2019", "en", words)).toBe("until 2019");
    expect(rangeLabel(null, null, "en", words)).toBeNull();
  });

  it("names a density bar's period with the catalogue's words", () => {
    const labels = (lang: Lang) =>
      (["day", "week", "month", "quarter", "year"] as const).map((unit) => periodLabel(at("2019-04-01"), unit, lang, wordsIn(lang)));
    expect(labels("en")).toEqual(["1 Apr 2019", "the week of 1 Apr 2019", "Apr 2019", "Q2 2019", "2019"]);
    expect(labels("zh")).toEqual(["2019年4月1日", "2019年4月1日当周", "2019年4月", "2019年第2季度", "2019年"]);
  });
});
