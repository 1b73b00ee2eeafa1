import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET } from "./route";

const ask = (params: Record<string, string>) =>
  GET(new NextRequest(`http://localhost:3000/api/oembed?${new URLSearchParams(params)}`, { headers: { host: "localhost:3000" } }));

describe("GET /api/oembed", () => {
  it("answers a view of this site as a rich iframe, titled in the view's language", async () => {
    const response = await ask({ url: "http://localhost:3000/?city=shanghai&lang=zh", maxwidth: "500", maxheight: "400" });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ type: "rich", version: "1.0", width: 500, height: 400, provider_url: "http://localhost:3000/" });
    expect(body.title).toMatch(/上海/);
    expect(body.provider_name).toMatch(/教育合作/);
    expect(body.html).toContain('src="http://localhost:3000/embed?city=shanghai&amp;lang=zh"');
    expect(body.cache_age).toBeGreaterThan(0);
    // The preview image (1200×630) does not fit these maxima: left out, as the spec asks.
    expect(body.thumbnail_url).toBeUndefined();
    const roomy = await (await ask({ url: "http://localhost:3000/embed?city=shanghai" })).json();
    expect(roomy).toMatchObject({ thumbnail_url: "http://localhost:3000/og?city=shanghai", thumbnail_width: 1200, thumbnail_height: 630 });
  });

  it("answers a tour's step as its view's iframe, titled by the step and its tour", async () => {
    const response = await ask({ url: "http://localhost:3000/?tour=ichei-shenzhen&step=founding" });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ type: "rich", title: "Founded in Shenzhen, 2016 — UNESCO-ICHEI in Shenzhen, 2014–2025" });
    // The frame shows the step's own view, and names the step.
    const src = new URL(/src="([^"]+)"/.exec(body.html)![1].replaceAll("&amp;", "&"));
    expect(Object.fromEntries(src.searchParams)).toMatchObject({ city: "shenzhen", tour: "ichei-shenzhen", step: "founding" });
    // Its thumbnail is the step's own preview image, as on its page.
    expect(body.thumbnail_url).toBe("http://localhost:3000/og?from=2016&to=2016&city=shenzhen&tour=ichei-shenzhen&step=founding");
    const zh = await (await ask({ url: "http://localhost:3000/?tour=ichei-shenzhen&step=founding&lang=zh" })).json();
    expect(zh.title).toBe("在深圳成立（2016） — 联合国教科文组织高等教育创新中心在深圳（2014—2025）");
    expect((await ask({ url: "http://localhost:3000/?tour=no-such-tour" })).status).toBe(400);
  });

  it("answers a source document's page as a link", async () => {
    const response = await ask({ url: "http://localhost:3000/sources/ichei-about-us" });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ type: "link", version: "1.0" });
  });

  it("404 for what is not a view or source page of this site, 501 for XML, 400 for invalid view parameters", async () => {
    for (const url of [
      "https://elsewhere.example/?city=shanghai",
      "http://localhost:3000/api/events",
      "http://localhost:3000/sources/nope",
    ])
      expect((await ask({ url })).status).toBe(404);
    expect((await ask({ url: "http://localhost:3000/", format: "xml" })).status).toBe(501);
    const invalid = await ask({ url: "http://localhost:3000/?city=atlantis" });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ error: "Invalid query parameters", issues: [{ param: "city", value: "atlantis" }] });
    expect((await ask({ url: "http://localhost:3000/", maxwidth: "wide" })).status).toBe(400);
    expect((await ask({})).status).toBe(400);
  });
});
