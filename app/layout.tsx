import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { connection } from "next/server";
import { FIRST_GESTURE_SCRIPT } from "@/components/dashboard/first-gesture-script";
import { nonceOf } from "@/lib/http/nonce.mjs";
import { LANG_HEADER, LANG_TAGS, langOf } from "@/lib/i18n/lang";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import type { ReactNode } from "react";
import "./globals.css";
import "@/components/timeline/timeline-base.css";
import "@/components/timeline/timeline.css";
import "@/components/timeline/timeline-preview.css";

export const metadata: Metadata = {
  title: "China–UNESCO education cooperation, 2014–2025 — timeline & map",
  description: "Dated events of China–UNESCO cooperation in education, on a synced timeline and map, with their sources.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request: each response's scripts carry that request's CSP nonce
  // (proxy.ts), which a page prerendered at build time (such as the 404 page) could not.
  await connection();
  const requestHeaders = await headers();
  const lang = langOf(requestHeaders.get(LANG_HEADER));
  return (
    // The first-gesture script marks <html> before React hydrates; React must not take that for a mismatch.
    <html lang={LANG_TAGS[lang]} suppressHydrationWarning>
      <head>
        <script
          nonce={nonceOf(requestHeaders.get("Content-Security-Policy") ?? "") ?? undefined}
          dangerouslySetInnerHTML={{ __html: FIRST_GESTURE_SCRIPT }}
        />
      </head>
      <body>
        <NuqsAdapter>{children}</NuqsAdapter>
      </body>
    </html>
  );
}
