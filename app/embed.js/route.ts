import { HOST_SCRIPT } from "@/lib/embed/host-script";

/** `/embed.js`: the host page's script that fits embedded views to their content (lib/embed/host-script.ts). */
export function GET() {
  return new Response(HOST_SCRIPT, {
    headers: {
      "Content-Type": "text/javascript; charset=utf-8",
      // Host pages load it on every visit: a day's cache, revalidated after.
      "Cache-Control": "public, max-age=86400",
      // A script from this site, run by other sites' pages.
      "Cross-Origin-Resource-Policy": "cross-origin",
    },
  });
}
