"use client";
import { useEffect, useState } from "react";
import { decodeScrubColumns, type ScrubColumns } from "@/lib/scrub-index";

/**
 * The columns live scrubbing filters (lib/scrub-index.ts), fetched once the page is idle after its
 * first paint; the URL names the data version, so the browser caches them. Null until they arrive
 * (a drag before then updates the view when it ends).
 */
export function useScrubIndex(url: string): ScrubColumns | null {
  const [loaded, setLoaded] = useState<{ url: string; columns: ScrubColumns } | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    const load = () =>
      fetch(url, { signal: controller.signal })
        .then((response) => (response.ok ? response.arrayBuffer() : Promise.reject(new Error(`HTTP ${response.status}`))))
        .then((buffer) => setLoaded({ url, columns: decodeScrubColumns(buffer) }))
        .catch((error: unknown) => {
          if (!controller.signal.aborted) console.warn("Live scrubbing is off: its index did not load.", error);
        });
    const idle = window.requestIdleCallback ? window.requestIdleCallback(load, { timeout: 2000 }) : window.setTimeout(load, 300);
    return () => {
      controller.abort();
      if (window.cancelIdleCallback) window.cancelIdleCallback(idle);
      else window.clearTimeout(idle);
    };
  }, [url]);
  return loaded?.url === url ? loaded.columns : null;
}
