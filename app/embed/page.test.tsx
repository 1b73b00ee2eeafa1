import type { ReactElement } from "react";
import { describe, expect, it, vi } from "vitest";
import { fixtureStore } from "@/lib/data/test-fixtures";

vi.mock("server-only", () => ({}));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "localhost:3000" }) }));
const store = fixtureStore();
vi.mock("@/lib/data/store", async (original) => ({
  ...(await original<typeof import("@/lib/data/store")>()),
  openSnapshot: async () => store,
}));

const { default: EmbedPage, generateMetadata } = await import("./page");
const { EmbedView } = await import("@/components/embed/EmbedView");
const { generateMetadata: pageMetadata } = await import("../page");

const searchParams = (params: Record<string, string>) => ({ searchParams: Promise.resolve(params) });
type EmbedProps = Parameters<typeof EmbedView>[0];
/** The page is the view and, after it, the script that tells the host its first height. */
const embedded = async (params: Record<string, string>) => {
  const page = (await EmbedPage(searchParams(params))) as ReactElement<{ children: ReactElement[] }>;
  const [view, script] = page.props.children as [ReactElement<EmbedProps>, ReactElement<{ dangerouslySetInnerHTML: { __html: string } }>];
  return { element: view, script };
};

describe("/embed", () => {
  it("renders the dashboard's view model in the embed's shell, with the parts the link asks for", async () => {
    const { element, script } = await embedded({ city: "dakar", ui: "list,map", theme: "dark" });
    expect(element.type).toBe(EmbedView);
    expect(script.props.dangerouslySetInnerHTML.__html).toContain('"type":"edu-coop-timeline:height"');
    const { query, view, server } = element.props;
    expect(query).toMatchObject({ city: ["dakar"], ui: ["map", "list"], theme: "dark" });
    expect(view.matched).toBeGreaterThan(0);
    expect(server.notice).toBeNull();
  });

  it("sets aside a part it does not know and says so, as for any parameter", async () => {
    const { element } = await embedded({ ui: "map,sidebar" });
    expect(element.props.query.ui).toEqual(["map"]);
    expect(element.props.server.notice).not.toBeNull();
  });

  it("points search engines at the dashboard's page, and offers its oEmbed", async () => {
    const metadata = await generateMetadata(searchParams({ city: "dakar", ui: "map" }));
    expect(metadata.robots).toMatchObject({ index: false });
    expect(metadata.alternates?.canonical).toBe("/?city=dakar");
    const href = new URL((metadata.alternates?.types as Record<string, string>)["application/json+oembed"]);
    expect(`${href.origin}${href.pathname}`).toBe("http://localhost:3000/api/oembed");
    expect(Object.fromEntries(href.searchParams)).toEqual({ url: "http://localhost:3000/?city=dakar", format: "json" });
  });
});

describe("every view page", () => {
  it("carries the oEmbed discovery link for its own view", async () => {
    const metadata = await pageMetadata(searchParams({ city: "dakar", lang: "zh" }));
    const href = (metadata.alternates?.types as Record<string, string>)["application/json+oembed"];
    expect(new URL(href).searchParams.get("url")).toBe("http://localhost:3000/?city=dakar&lang=zh");
    expect(new URL(href).pathname).toBe("/api/oembed");
  });
});
