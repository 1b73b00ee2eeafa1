import type { Metadata } from "next";
import { headers } from "next/headers";
import { Dashboard } from "@/components/Dashboard";
import { DatasetErrorView } from "@/components/DatasetErrorView";
import { DatasetError, loadDataset } from "@/lib/load";
import { serializeQuery } from "@/lib/query";
import { siteUrl } from "@/lib/site-url";
import { summarizeView } from "@/lib/view-summary";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const SITE = "China–UNESCO education cooperation";

/** Each shared link previews its own view: "Shanghai · 2023–2025 · 4 events", with an image of it. */
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const index = await loadDataset().catch(() => null);
  if (!index) return { title: `${SITE} — dataset error` };
  const { query, title, sentence } = summarizeView(await searchParams, index);
  const image = `/og${serializeQuery({ ...query, map: null })}`;
  const description = `${sentence}. Timeline and map of China–UNESCO education-cooperation events, 2014–2025, with their sources.`;
  // Previews need absolute URLs: SITE_URL, else the validated Host header (lib/site-url.ts).
  return {
    metadataBase: siteUrl((await headers()).get("host")),
    title: `${title} — ${SITE}`,
    description,
    openGraph: { title, description, images: [{ url: image, width: 1200, height: 630 }], type: "website", siteName: SITE },
    twitter: { card: "summary_large_image", title, description, images: [image] },
  };
}

export default async function Page({ searchParams }: Props) {
  await searchParams; // the view is read from the URL: render per request
  try {
    const index = await loadDataset();
    return <Dashboard dataset={index.dataset} />;
  } catch (error) {
    if (error instanceof DatasetError) return <DatasetErrorView error={error} />;
    throw error;
  }
}
