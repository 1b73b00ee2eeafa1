import { describe, expect, it, vi } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import type { ReactElement, ReactNode } from "react";

// The bundled data folder and its two tours, read and validated as the server does.
vi.mock("server-only", () => ({}));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "localhost:3000" }) }));

const { default: ToursRoute } = await import("./page");
const { default: Page, generateMetadata } = await import("../page");

const hrefs = (markup: string) => [...markup.matchAll(/href="([^"]*)"/g)].map((m) => m[1].replaceAll("&amp;", "&"));
const tours = async (params: Record<string, string>) => renderToStaticMarkup(await ToursRoute({ searchParams: Promise.resolve(params) }));

/** The dashboard's server-rendered parts for a link: the tour panel and the notice. */
async function serverParts(params: Record<string, string>) {
  const page = (await Page({ searchParams: Promise.resolve(params) })) as ReactElement<{
    query: { from: string | null; to: string | null; event: string | null; tour: string | null; step: string | null };
    server: { tour: ReactNode; notice: ReactNode };
  }>;
  const { server, query } = page.props;
  return { query, tour: renderToStaticMarkup(<>{server.tour}</>), notice: renderToStaticMarkup(<>{server.notice}</>) };
}

describe("/tours", () => {
  it("lists both tours with every step a link to its view", async () => {
    const page = await tours({});
    expect(page).toContain("UNESCO-ICHEI in Shenzhen, 2014–2025");
    expect(page.match(/data-testid="tour"/g)).toHaveLength(2);
    expect(hrefs(page)).toContain("/?from=2016&to=2016&city=shenzhen&event=2016-06-08-ichei-founded&tour=ichei-shenzhen&step=founding");
  });

  it("speaks Chinese, and keeps the language on its links", async () => {
    const page = await tours({ lang: "zh" });
    expect(page).toContain("联合国教科文组织高等教育创新中心在深圳");
    expect(hrefs(page).filter((h) => h.includes("tour="))).toSatisfy((links: string[]) => links.every((h) => h.includes("lang=zh")));
  });
});

describe("a tour step's page", () => {
  it("renders the step's panel and its view on the server", async () => {
    const { query, tour } = await serverParts({ tour: "ichei-shenzhen", step: "founding" });
    expect(query).toMatchObject({ from: "2016", to: "2016", event: "2016-06-08-ichei-founded", tour: "ichei-shenzhen", step: "founding" });
    expect(tour).toContain("Founded in Shenzhen, 2016");
    expect(tour).toMatch(/Step 2 of \d/);
    expect(hrefs(tour).some((h) => h.includes("step=agreements") && /rel="prev"/.test(tour))).toBe(true);
    // Its quotes lead to their document's page, and back to this step.
    expect(hrefs(tour).find((h) => h.startsWith("/sources/"))).toMatch(/back=.*tour%3Dichei-shenzhen/);
    expect(tour).not.toContain("Back to step");
  });

  it("titles the page by its step", async () => {
    const metadata = await generateMetadata({ searchParams: Promise.resolve({ tour: "ichei-shenzhen", step: "founding" }) });
    expect(String(metadata.title)).toContain("Founded in Shenzhen, 2016 — UNESCO-ICHEI in Shenzhen");
  });

  it("gives each step a preview image of its own: the step's view, with its tour and step named", async () => {
    const metadata = await generateMetadata({ searchParams: Promise.resolve({ tour: "ichei-shenzhen", step: "founding" }) });
    const images = [metadata.openGraph?.images].flat() as { url: string }[];
    expect(images[0].url).toBe("/og?from=2016&to=2016&city=shenzhen&tour=ichei-shenzhen&step=founding");
    expect(metadata.twitter?.images).toEqual([images[0].url]);
    const view = await generateMetadata({ searchParams: Promise.resolve({ city: "shenzhen" }) });
    expect(([view.openGraph?.images].flat() as { url: string }[])[0].url).toBe("/og?city=shenzhen");
  });

  it("keeps the tour when the view changes, offering the way back", async () => {
    const { tour } = await serverParts({ tour: "ichei-shenzhen", step: "founding", from: "2019", to: "2019" });
    expect(tour).toContain("Back to step 2");
  });

  it("ignores an unknown step or tour with a notice, never failing", async () => {
    const step = await serverParts({ tour: "ichei-shenzhen", step: "nowhere" });
    expect(step.notice).toContain("step=nowhere");
    expect(step.tour).toContain("Step 1 of");
    const unknown = await serverParts({ tour: "atlantis" });
    expect(unknown.notice).toContain("tour=atlantis");
    expect(unknown.tour).toBe("");
  });
});
