import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { fixtureStore } from "@/lib/data/test-fixtures";
import { EMPTY_QUERY, serializeQuery, type Query } from "@/lib/query/query";
import { computeView } from "@/lib/view/view-model";
import { ViewProvider } from "../dashboard/ViewContext";
import { EventDetailBody } from "./EventDetailBody";

const store = fixtureStore();

/** The detail's body as the server writes it, before any JavaScript: its links are plain hrefs. */
async function detailHtml(patch: Partial<Query>): Promise<string> {
  const query = { ...EMPTY_QUERY, ...patch };
  const view = await computeView(store, query);
  const context = { query, text: view.text, setView: () => {}, hrefFor: (p: Partial<Query>) => serializeQuery({ ...query, ...p }) || "?" };
  const body = createElement(EventDetailBody, { detail: view.selected!, text: view.text, back: "" });
  return renderToStaticMarkup(createElement(ViewProvider, { value: context }, body));
}

describe("the detail of an event outside the view", () => {
  it("is written on the server with a plain link to the view that shows it", async () => {
    const html = await detailHtml({ city: ["shanghai"], lang: "zh", event: "2016-06-08-founded" });
    expect(html).toContain("此事件不在当前筛选范围内（地点）");
    expect(html).toContain('href="?event=2016-06-08-founded&amp;lang=zh"');
  });

  it("is absent when the view shows the event", async () => {
    expect(await detailHtml({ city: ["shenzhen"], event: "2016-06-08-founded" })).not.toContain("detail-outside");
  });
});
