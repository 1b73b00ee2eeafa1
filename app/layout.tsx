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

// The site's icon, inline: Chromium asks for the icon again on every change of the address, which
// playback makes up to 4 times a second, and Next served app/icon.svg with `max-age=0, must-revalidate`,
// so each frame cost a request. A data: URL costs none.
const ICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b5cad"/><circle cx="11" cy="13" r="4" fill="#fff"/><rect x="6" y="22" width="20" height="3" rx="1.5" fill="#fff"/><circle cx="22" cy="11" r="3" fill="#f0a500"/></svg>';

export const metadata: Metadata = {
  icons: { icon: { url: `data:image/svg+xml,${encodeURIComponent(ICON_SVG)}`, type: "image/svg+xml" } },
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
