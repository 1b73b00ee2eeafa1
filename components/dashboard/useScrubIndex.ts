"use client";
import { useEffect, useState } from "react";
import type { LiveScrub } from "./live-scrub";

/**
 * Live scrubbing (live-scrub.ts) over the columns at `url`, loaded once `wanted` (the timeline is
 * loading); the URL names the data version, so the browser caches them. Null until both arrive (a
 * drag before then updates the view when it ends).
 */
export function useScrubIndex(url: string, wanted: boolean): LiveScrub | null {
  const [loaded, setLoaded] = useState<{ url: string; scrub: LiveScrub } | null>(null);
  useEffect(() => {
    if (!wanted) return;
    const controller = new AbortController();
    // 204: too many events to scrub in the browser (the store says so): live scrubbing stays off, as while it loads.
    const columns = fetch(url, { signal: controller.signal }).then((response) =>
      response.status === 204 ? null : response.ok ? response.arrayBuffer() : Promise.reject(new Error(`HTTP ${response.status}`)),
    );
    Promise.all([import("./live-scrub"), columns])
      .then(([{ liveScrub }, buffer]) => buffer && setLoaded({ url, scrub: liveScrub(buffer) }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) console.warn("Live scrubbing is off: its index did not load.", error);
      });
    return () => controller.abort();
  }, [url, wanted]);
  return loaded?.url === url ? loaded.scrub : null;
}
