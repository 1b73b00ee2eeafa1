import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { periodEnd, periodStart } from "@/lib/core/time-window";
import { uiText } from "@/lib/i18n/ui";
import { type Query } from "@/lib/query/query";
import { parseQuery } from "@/lib/query/parse";
import { ViewProvider } from "../dashboard/ViewContext";
import { Player } from "./Player";

const extent = { startMs: periodStart("2014-06-05"), endMs: periodEnd("2025-10-15") };
const windowWords = { since: "since {date}", until: "until {date}", yearSpan: "{from}–{to}" };

/** The player as a link opens it, before any script has run its effects. */
function render(search: string, lang: Query["lang"] = "en") {
  const { query } = parseQuery(new URLSearchParams(search));
  const context = { query: { ...query, lang }, setView: () => {}, hrefFor: () => "?", text: uiText(lang) };
  return renderToStaticMarkup(
    <ViewProvider value={context}>
      <Player extent={extent} shownFor={{}} onFrame={() => {}} counts={{ events: 6, places: 4 }} windowWords={windowWords} counted />
    </ViewProvider>,
  );
}

describe("the player as a link opens it", () => {
  it("is paused on the link's frame, saying where it is", () => {
    const html = render("from=2019&to=2019&play=1y");
    expect(html).toContain('data-frame="2019/2019"');
    expect(html).toContain("6 of 12");
    expect(html).toMatch(/<\/span> Play<\/button>/);
    expect(html).not.toContain("Pause");
  });

  it("opens on the frame around a window that is no frame, in the link's step and mode", () => {
    const html = render("from=2016-05-10&to=2016-05-20&play=3m");
    expect(html).toContain('data-frame="2016-04/2016-06"');
    expect(html).toContain('<option value="3m" selected="">');
    expect(render("from=2014&to=2018&play=1y&grow=1")).toContain('data-frame="2014/2018"');
  });

  it("offers the playback as a GIF and a video: plain download links to the playback's parameters, not the frame's", () => {
    const html = render("city=shanghai&from=2019&to=2019&play=3m&grow=1&pace=500");
    expect(html).toContain(
      '<a class="player-download" href="/og/playback.gif?city=shanghai&amp;play=3m&amp;grow=1&amp;pace=500" download="">Download as GIF</a>',
    );
    expect(html).toContain(
      '<a class="player-download" href="/og/playback.webm?city=shanghai&amp;play=3m&amp;grow=1&amp;pace=500" download="">Video (WebM)</a>',
    );
    const zh = render("from=2019&to=2019&play=1y", "zh");
    expect(zh).toContain("下载为 GIF");
    expect(zh).toContain("视频（WebM）");
    expect(render("")).not.toContain("playback.");
  });

  it("is one Play button on a view without play", () => {
    const html = render("");
    expect(html).toContain("Play through time");
    expect(html).not.toContain("<select");
  });

  it("speaks Chinese", () => {
    expect(render("from=2019&to=2019&play=1y", "zh")).toContain("第 6 帧，共 12 帧");
  });
});
