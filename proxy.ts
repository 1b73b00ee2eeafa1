import { NextResponse, type NextRequest } from "next/server";
import { LANG_HEADER, langOf } from "@/lib/i18n/lang";
import { securityHeaders } from "@/lib/http/security-headers";
import { VERSION_HEADER } from "@/lib/data-version/data-version.mjs";
import { newNonce } from "@/lib/http/nonce.mjs";
import { storeOrRefusal } from "@/lib/http/unavailable";

/**
 * A page cannot set its own status or headers from a server component; the proxy can. When the
 * dataset is refused, pages answer 503 (the page itself explains why); otherwise they carry the
 * version the render will read, for server.mjs's page cache. The store is the routes' own (one per
 * process), so asking it here loads nothing twice, and a page's render asks it after this.
 */
async function pageDataset(pathname: string): Promise<{ refused: boolean; version?: string }> {
  if (pathname.startsWith("/api/") || pathname.startsWith("/og") || pathname.startsWith("/_next/")) return { refused: false };
  const { store, refused } = await storeOrRefusal().catch(() => ({ store: undefined, refused: undefined }));
  // Any other failure is the page's to report (500); the proxy only adds headers.
  return { refused: refused !== undefined, version: store?.version };
}

/**
 * Security headers on every route — page, API, preview images — with a fresh script nonce per
 * request. Next.js reads the nonce from the request's Content-Security-Policy header and puts it on
 * its own script tags; this needs dynamic rendering, which the root layout asks for.
 */
export async function proxy(request: NextRequest) {
  const nonce = newNonce();
  const headers = securityHeaders({
    nonce,
    dev: process.env.NODE_ENV === "development",
    path: request.nextUrl.pathname,
    embedOrigins: process.env.EMBED_ALLOWED_ORIGINS,
    tileUrl: process.env.NEXT_PUBLIC_TILE_URL,
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]);
  // The root layout cannot read search params; it reads the page's language here for `<html lang>`.
  requestHeaders.set(LANG_HEADER, langOf(request.nextUrl.searchParams.get("lang")));
  const dataset = await pageDataset(request.nextUrl.pathname);
  const response = NextResponse.next({ request: { headers: requestHeaders }, status: dataset.refused ? 503 : undefined });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  if (dataset.version) response.headers.set(VERSION_HEADER, dataset.version);
  return response;
}

export const config = {
  // Build output is immutable and carries no HTML: everything else gets the headers.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
