import { describe, expect, it } from "vitest";
import { escapeText, foldLine, toIcs } from "./ics";
import { exportFixtureIndex } from "../data/test-fixtures";

const octets = (s: string) => Buffer.byteLength(s, "utf8");
const unfold = (s: string) => s.replace(/\r\n /g, "");

const longChinese = {
  id: "2023-long-chinese",
  title: "长标题".repeat(30) + " — a very long title, mixing 中文 and English; 😀 included",
  summary: "摘要".repeat(40),
  start: "2023-03-01",
  placeCertainty: "stated" as const,
  category: "conference",
  organizations: [],
  sources: [{ document: "seed-f.md", quote: "二〇二三年三月" }],
};
const index = exportFixtureIndex([longChinese]);
const dtstamp = new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 678));
const ics = toIcs(index.events, index, { calendarName: "China–UNESCO, education", dtstamp });
const lines = unfold(ics).split("\r\n");

/** The unfolded property lines of one VEVENT, keyed by name (with parameters). */
function vevent(id: string): Map<string, string> {
  const start = lines.indexOf(`UID:${id}@edu-coop-timeline`);
  expect(start).toBeGreaterThan(0);
  const end = lines.indexOf("END:VEVENT", start);
  return new Map(
    lines.slice(start, end).map((l) => {
      const colon = l.indexOf(":");
      return [l.slice(0, colon), l.slice(colon + 1)];
    }),
  );
}

describe("toIcs", () => {
  it("wraps events in a publishing Gregorian calendar with CRLF line endings", () => {
    expect(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:")).toBe(true);
    expect(lines).toContain("CALSCALE:GREGORIAN");
    expect(lines).toContain("METHOD:PUBLISH");
    expect(lines).toContain("X-WR-CALNAME:China–UNESCO\\, education");
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(lines.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(index.events.length);
  });

  it("gives each event a stable UID and the passed-in DTSTAMP", () => {
    const event = vevent("2016-06-08-ichei-founded");
    expect(event.get("DTSTAMP")).toBe("20260102T030405Z");
  });

  it("links each event back to the dashboard, absolutely, in the calendar's language", () => {
    expect(vevent("2016-06-08-ichei-founded").get("URL")).toBe("http://localhost:3000/?event=2016-06-08-ichei-founded");
    const zh = toIcs(index.events, index, { calendarName: "日历", dtstamp, lang: "zh", site: "https://example.org" });
    expect(unfold(zh)).toContain("\r\nURL:https://example.org/?event=2016-06-08-ichei-founded&lang=zh\r\n");
  });

  it.each([
    ["2016-06-08-ichei-founded", "20160608", "20160609"],
    ["2025-10-13-forum", "20251013", "20251016"],
    ["2015-05-online-dialogue", "20150501", "20150601"],
    ["2022-report", "20220101", "20230101"],
  ])("writes %s as an all-day span with an exclusive end", (id, start, end) => {
    const event = vevent(id);
    expect(event.get("DTSTART;VALUE=DATE")).toBe(start);
    expect(event.get("DTEND;VALUE=DATE")).toBe(end);
  });

  it("notes month and year precision in the description, with sources", () => {
    expect(vevent("2015-05-online-dialogue").get("DESCRIPTION")).toBe(
      "Held online.\\nDate known to the month: May 2015\\nSource: seed-d.md — “in May 2015”",
    );
    expect(vevent("2022-report").get("DESCRIPTION")).toContain("\\nDate known to the year: 2022\\n");
    expect(vevent("2016-06-08-ichei-founded").get("DESCRIPTION")).not.toContain("Date known");
  });

  it("escapes backslashes, semicolons, commas and newlines in text", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf")).toBe("a\\\\b\\;c\\,d\\ne\\nf");
    expect(vevent("2016-06-08-ichei-founded").get("DESCRIPTION")).toMatch(
      /^The centre\\, "ICHEI"\\, opens in Shenzhen\\; a first step\\, with partners\.\\nSecond line\.\\n/,
    );
  });

  it("places mapped events with LOCATION and GEO, and marks online ones", () => {
    const lima = vevent("2025-10-13-forum");
    expect(lima.get("LOCATION")).toBe("Lima\\, PE");
    expect(lima.get("GEO")).toBe("-12.0464;-77.0428");
    expect(lima.get("CATEGORIES")).toBe("Conference\\, forum");
    const online = vevent("2015-05-online-dialogue");
    expect(online.get("LOCATION")).toBe("Online");
    expect(online.has("GEO")).toBe(false);
    expect(vevent("2022-report").has("LOCATION")).toBe(false);
  });

  it("folds lines at 75 octets without splitting a character, and unfolds losslessly", () => {
    const physical = ics.split("\r\n");
    for (const line of physical) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(physical.some((l) => l.startsWith(" "))).toBe(true);
    // A split multi-byte character would decode to U+FFFD when each line is read alone.
    for (const line of physical) expect(Buffer.from(line, "utf8").toString("utf8")).toBe(line);
    expect(physical.join("\n")).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(vevent(longChinese.id).get("SUMMARY")).toBe(escapeText(longChinese.title));
  });

  it("folds exactly at the octet limit", () => {
    expect(foldLine("a".repeat(75))).toBe("a".repeat(75));
    expect(foldLine("a".repeat(76))).toBe(`${"a".repeat(75)}\r\n a`);
    // 74 ASCII + one 3-byte character would be 77 octets: the character moves whole.
    expect(foldLine("a".repeat(74) + "中")).toBe(`${"a".repeat(74)}\r\n 中`);
  });

  it("is deterministic for the same input", () => {
    expect(toIcs(index.events, index, { calendarName: "China–UNESCO, education", dtstamp })).toBe(ics);
  });
});
