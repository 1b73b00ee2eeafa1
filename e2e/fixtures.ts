import { test as base, expect, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { periodEnd, periodStart } from "../lib/dates";

export interface DataEvent {
  id: string;
  title: string;
  start: string;
  end?: string;
  place?: string;
  category: string;
}
export const events = JSON.parse(readFileSync("data/events.json", "utf8")) as DataEvent[];
export const sources = JSON.parse(readFileSync("data/sources.json", "utf8")) as { id: string; file: string; title: string }[];

/** Every test fails on a browser console error or an uncaught page error. */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
      page.on("pageerror", (e) => errors.push(e.message));
      await use(errors);
      expect(errors, "browser console errors").toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

/** Waits until map pins and timeline items are drawn. */
export async function viewsReady(page: Page) {
  await expect(page.locator(".leaflet-marker-icon").first()).toBeVisible();
  await expect(page.locator(".timeline-host .vis-item").first()).toBeVisible();
}

/** Pins on the map as {label, count}: "Shanghai — 4 events" → 4. */
export async function pins(page: Page) {
  const labels = await page.locator(".leaflet-marker-icon[aria-label]").evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")!));
  return labels.map((label) => ({ label, count: Number(/(\d+) events?/.exec(label)?.[1] ?? NaN) }));
}

/** Events drawn on the timeline: distinct items plus those folded into clusters. */
export async function timelineCount(page: Page) {
  const ids = await page.locator(".timeline-host [data-event-id]").evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.eventId));
  const clustered = await page.locator(".timeline-host .tl-cluster-count").allTextContents();
  return new Set(ids).size + clustered.reduce((sum, n) => sum + Number(n), 0);
}

export const listRows = (page: Page) => page.getByTestId("event-list").locator("li");

/** Events matching a place and an optional time window, counted from data/ as the server counts them. */
export function countEvents({ place, from, to, category }: { place?: string; from?: string; to?: string; category?: string }) {
  return events.filter(
    (e) =>
      (!place || e.place === place) &&
      (!category || e.category === category) &&
      (!from || periodEnd(e.end ?? e.start) >= periodStart(from)) &&
      (!to || periodStart(e.start) <= periodEnd(to)),
  ).length;
}

/** "1 event", "4 events": as the page words a count. */
export const eventsLabel = (n: number) => `${n} event${n === 1 ? "" : "s"}`;
