import { NextResponse, type NextRequest } from "next/server";
import { securityHeaders } from "@/lib/security-headers";

/**
 * Security headers on every route — page, API, preview images — with a fresh script nonce per
 * request. Next.js reads the nonce from the request's Content-Security-Policy header and puts it on
 * its own script tags; this needs dynamic rendering, which the root layout asks for.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const headers = securityHeaders({
    nonce,
    dev: process.env.NODE_ENV === "development",
    embedOrigins: process.env.EMBED_ALLOWED_ORIGINS,
    tileUrl: process.env.NEXT_PUBLIC_TILE_URL,
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Build output is immutable and carries no HTML: everything else gets the headers.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
