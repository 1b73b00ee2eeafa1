import { test as base, expect, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { periodEnd, periodStart } from "../lib/core/dates";

export interface DataEvent {
  id: string;
  title: string;
  start: string;
  end?: string;
  place?: string;
  category: string;
}
export const events = JSON.parse(readFileSync("data/events.json", "utf8")) as DataEvent[];
export const places = JSON.parse(readFileSync("data/places.json", "utf8")) as { id: string; name: string }[];
export const sources = JSON.parse(readFileSync("data/sources.json", "utf8")) as { id: string; file: string; title: string }[];

/**
 * The map and timeline load on a person's first gesture (components/dashboard/useFirstGesture.ts); until then
 * the page shows still previews. A real mouse movement, as any visitor makes, wakes them: the page's
 * inline script catches it even before hydration, so one movement after the load is enough.
 */
export async function wake(page: Page) {
  if (!(await page.locator(".views").count())) return; // no dashboard on this page
  // A movement to where the pointer already is dispatches nothing: alternate between two points.
  const x = pointerX.get(page) === 1 ? 2 : 1;
  pointerX.set(page, x);
  await page.mouse.move(x, 1);
  await expect(page.locator(".leaflet-container, .tl-root").first(), "the map and timeline wake on a mouse movement").toBeAttached();
  // The live views draw under their still previews, which then step aside: until then the page holds
  // both (two "No events match", two pins per place), so a test would meet whichever it found first.
  await expect(page.getByTestId("map-preview"), "the live map replaces its preview").toHaveCount(0);
  await expect(page.getByTestId("timeline-preview"), "the live timeline replaces its preview").toHaveCount(0);
}
const pointerX = new WeakMap<Page, number>();

/**
 * Every test fails on a browser console error or an uncaught page error. Pages are woken after each
 * navigation, so tests meet the live map and timeline (the previews have their own tests).
 */
export const test = base.extend<{ consoleErrors: string[]; wakeOnNavigation: boolean }>({
  wakeOnNavigation: [true, { option: true }],
  page: async ({ page, wakeOnNavigation }, provide) => {
    if (!wakeOnNavigation) return provide(page);
    const goto = page.goto.bind(page);
    const reload = page.reload.bind(page);
    page.goto = async (...args) => {
      const response = await goto(...args);
      await wake(page);
      return response;
    };
    page.reload = async (...args) => {
      const response = await reload(...args);
      await wake(page);
      return response;
    };
    await provide(page);
  },
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (m) => {
        if (m.type() !== "error") return;
        // Chromium's own probe for /favicon.ico (now and then, on history navigation) is not the page's:
        // the page declares its icon, and nobody sees the probe fail.
        if (new URL(m.location().url || "about:blank").pathname === "/favicon.ico") return;
        errors.push(`${m.text()} ${m.location().url}`.trim());
      });
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

export interface EventFilter {
  place?: string;
  from?: string;
  to?: string;
  category?: string;
}

/** Events matching a place, category and time window, from data/ as the server filters them. */
export function matchingEvents({ place, from, to, category }: EventFilter) {
  return events.filter(
    (e) =>
      (!place || e.place === place) &&
      (!category || e.category === category) &&
      (!from || periodEnd(e.end ?? e.start) >= periodStart(from)) &&
      (!to || periodStart(e.start) <= periodEnd(to)),
  );
}

export const countEvents = (filter: EventFilter) => matchingEvents(filter).length;

/** "1 event", "4 events": as the page words a count. */
export const eventsLabel = (n: number) => `${n} event${n === 1 ? "" : "s"}`;

/** A pin's accessible name, "Shenzhen — 2 events", for the events at a place matching `filter`. */
export function pinLabel(place: string, filter: Omit<EventFilter, "place"> = {}) {
  const name = places.find((p) => p.id === place)!.name;
  return `${name} — ${eventsLabel(countEvents({ ...filter, place }))}`;
}

/** The map's pins for `filter`, sorted: one per place with matching events (unmapped ones have none). */
export function pinLabels(filter: Omit<EventFilter, "place">) {
  const placeIds = new Set(matchingEvents(filter).flatMap((e) => (e.place ? [e.place] : [])));
  return [...placeIds].map((place) => pinLabel(place, filter)).sort();
}
