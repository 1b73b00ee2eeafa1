import { describe, expect, it } from "vitest";
import { formatPartialDate, formatSpan, rangeLabel } from "../core/dates";
import { describeView, viewTitle } from "../view/describe";
import { eventDetail } from "../view/detail";
import { figureText } from "../view/figures";
import { EMPTY_QUERY } from "../query/query";
import { eventRow } from "../view/rows";
import { sentenceOf } from "./sentence";
import { fixtureIndex } from "../data/test-fixtures";
import { uiText } from "./ui";

const index = fixtureIndex();
const zh = { ...EMPTY_QUERY, lang: "zh" as const };

describe("Chinese dates", () => {
  it("write year, month and day as 年月日", () => {
    expect(formatPartialDate("2025-09-21", "zh")).toBe("2025年9月21日");
    expect(formatPartialDate("2015-05", "zh")).toBe("2015年5月");
    expect(formatPartialDate("2016", "zh")).toBe("2016年");
  });

  it("write a shared year and month once in spans", () => {
    expect(formatSpan("2025-10-13", "2025-10-15", "zh")).toBe("2025年10月13日–15日");
    expect(formatSpan("2025-09-28", "2025-10-02", "zh")).toBe("2025年9月28日 – 10月2日");
    expect(formatSpan("2022-04", "2022-05", "zh")).toBe("2022年4月–5月");
    expect(formatSpan("2021-12", "2022-01", "zh")).toBe("2021年12月 – 2022年1月");
    expect(formatSpan("2025-10-13", "2025-10-15")).toBe("13–15 Oct 2025");
  });

  it("label a dragged window in the browser with the words the view carries", () => {
    const words = { since: "{date}以来", until: "截至{date}", yearSpan: "{from}–{to}年" };
    expect(rangeLabel("2019", "2020", "zh", words)).toBe("2019–2020年");
    expect(rangeLabel("2019-03", "2019-08", "zh", words)).toBe("2019年3月–8月");
    expect(rangeLabel("2019-03-05", "2019-03-20", "zh", words)).toBe("2019年3月5日–20日");
    expect(rangeLabel("2019-03-05", "2019-03-20", "en", words)).toBe("5–20 Mar 2019");
    expect(rangeLabel("2015-05", null, "zh", words)).toBe("2015年5月以来");
  });
});

describe("Chinese sentences and titles", () => {
  it("describe the view with Chinese names and counts", () => {
    // The fixture's category has no Chinese name: its English one stands in, never a blank.
    expect(describeView({ ...zh, city: ["shanghai"], from: "2025", to: "2025", category: ["conference"] }, index, 1)).toBe(
      "1 个事件，地点：上海，2025年，类别：Conference",
    );
    expect(describeView({ ...zh, city: ["shanghai", "dakar"], q: "STEM" }, index, 16622)).toBe(
      "16,622 个事件，地点：上海或达喀尔，包含“STEM”",
    );
    expect(viewTitle({ ...zh, country: ["sn"], from: "2015-05" }, index, 2)).toBe("塞内加尔 · 2015年5月以来 · 2 个事件");
  });

  it("re-assemble with a live window in the browser", () => {
    const parts = {
      lang: "zh" as const,
      events: uiText("zh").counts.events,
      joiner: "，",
      places: "地点：上海",
      window: "2019年1月1日 – 2020年12月31日",
      windowWords: { since: "{date}以来", until: "截至{date}", yearSpan: "{from}–{to}年" },
      rest: [],
    };
    expect(sentenceOf(3, parts)).toBe("3 个事件，地点：上海，2019年1月1日 – 2020年12月31日");
  });

  it("show Chinese titles, places and the title's origin", () => {
    const meeting = index.eventById.get("2023-07-02-meeting")!;
    const row = eventRow(meeting, index, "zh");
    expect(row.title).toBe("上海会见");
    expect(row.altTitle).toBe(meeting.title);
    expect(row.where).toBe("上海，中国");
    const detail = eventDetail(meeting, index, "zh");
    expect(detail.title).toBe("上海会见");
    expect(detail.titleZhNote).toBe("中文标题为本项目翻译");
    expect(detail.date).toBe("2023年7月2日");
  });

  it("word figures in Chinese with their qualifier", () => {
    expect(figureText("foreignExperts", { value: 2600, qualifier: "about" }, "zh")).toBe("约2,600 名外国专家");
    expect(figureText("edition", { value: 23 }, "zh")).toBe("第 23 届");
  });
});
