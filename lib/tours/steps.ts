import "server-only";
import { createSerializer } from "nuqs/server";
import { EMPTY_QUERY, parsersIn, queryParsers, searchFor, serializeQuery, type Query, type Vocabulary } from "../query/query";
import { parseQuery } from "../query/parse";
import type { StoreSnapshot } from "../data/store";
import { parseQueryIn } from "../data/query-in";
import type { TourStop } from "../map/map-points";
import type { Tour, TourStep } from "./schema";

/**
 * A tour's steps as links: each step is an ordinary dashboard view (its `view`, read by the URL's
 * parsers) with `tour` and `step` beside it, so every step is a URL the server renders and caches.
 */

/** Each tour's step ids: what the URL parser checks `tour` and `step` against. */
export function tourVocabulary(tours: readonly Tour[]): ReadonlyMap<string, readonly string[]> {
  return new Map(tours.map((tour) => [tour.id, tour.steps.map((s) => s.id)]));
}

/** Parameters a step link may carry besides its view: the reader's language and player, the map. */
const READERS_OWN = new Set(["tour", "step", "lang", "map", "play", "grow", "pace"]);

/**
 * Whether a link names a step and nothing of a view (`?tour=ichei-shenzhen&step=founding`): the
 * step's own view is then shown. A link that says more (a step's link as the page writes it, or a
 * view changed since) is shown as it says, and the panel offers the way back to the step.
 */
export function isBareStepLink(params: URLSearchParams): boolean {
  return params.has("tour") && [...params.keys()].every((key) => READERS_OWN.has(key));
}

/** The step's view as a query (its values were checked by check:data; anything now unknown is dropped). */
export function stepView(step: TourStep, vocabulary: Vocabulary): Query {
  return parseQuery(new URLSearchParams(step.view), vocabulary).query;
}

export interface CurrentStep {
  tour: Tour;
  step: TourStep;
  /** 0-based. */
  index: number;
}

/** The step a query is on: its `step`, or the tour's first when the link names the tour alone. */
export function currentStep(tours: readonly Tour[], query: Pick<Query, "tour" | "step">): CurrentStep | null {
  const tour = tours.find((t) => t.id === query.tour);
  if (!tour) return null;
  const index = Math.max(
    tour.steps.findIndex((s) => s.id === query.step),
    0,
  );
  return { tour, step: tour.steps[index], index };
}

/** A step's link, in the reader's language: the step's view with the tour and step named. */
export function stepHref(tour: Tour, step: TourStep, lang: Query["lang"], vocabulary: Vocabulary): string {
  return `/${serializeQuery({ ...stepView(step, vocabulary), lang, tour: tour.id, step: step.id })}`;
}

/** Whether the view shown is still the step's own (else the panel offers "Back to step k"). */
export function showsStep(query: Query, step: TourStep, vocabulary: Vocabulary): boolean {
  return searchFor("view", { ...stepView(step, vocabulary), lang: query.lang }) === searchFor("view", query);
}

/** The tour's first step in `lang`: what /tours links each tour to. */
export const tourHref = (tour: Tour, lang: Query["lang"], vocabulary: Vocabulary) => stepHref(tour, tour.steps[0], lang, vocabulary);

/** The query of a bare step link: the step's view, with what the link itself set (language, player, map). */
export function withStepView(query: Query, step: TourStep, vocabulary: Vocabulary): Query {
  const { lang, map, play, grow, pace, tour } = query;
  return { ...EMPTY_QUERY, ...stepView(step, vocabulary), lang, map, play, grow, pace, tour, step: step.id };
}

/**
 * A link read against the snapshot's vocabulary and tours: its query (a bare step link shows the step's
 * own view), what was wrong with it, and the step it is on. The one reading of a link that the
 * dashboard, the embed and oEmbed share.
 */
export async function readLink(store: StoreSnapshot, params: URLSearchParams) {
  const tours = await store.tours();
  const vocabulary = { ...store.vocabulary, tours: tourVocabulary(tours) };
  const parsed = await parseQueryIn(store, params, vocabulary);
  const step = currentStep(tours, parsed.query);
  const query = step && isBareStepLink(params) ? withStepView(parsed.query, step.step, vocabulary) : parsed.query;
  return { query, issues: parsed.issues, tours, step, vocabulary };
}

/** A step's title with its tour's, so each step reads as its own page (tab, link previews, oEmbed). */
export const stepTitle = ({ tour, step }: CurrentStep, lang: Query["lang"]) => `${step.title[lang]} — ${tour.title[lang]}`;

/**
 * A step's preview image draws the step's title over its view: its parameters are the view's preview
 * ("preview" scope) and the step's ids. Here rather than in the query's declaration, whose every byte
 * is in the dashboard's first scripts: only the server writes these links.
 */
const stepPreviewSerializer = createSerializer({ ...parsersIn("preview"), tour: queryParsers.tour, step: queryParsers.step });

/** `/og?city=shenzhen&from=2016&to=2016&tour=ichei-shenzhen&step=founding`: the og:image of a step's page. */
export const stepPreviewHref = (query: Query, current: CurrentStep) =>
  stepPreviewSerializer("/og", { ...query, tour: current.tour.id, step: current.step.id });

/** The same parameters as a search (`?…`): what /og caches a step's preview under. */
export const stepPreviewSearch = (query: Query, current: CurrentStep) =>
  stepPreviewSerializer({ ...query, tour: current.tour.id, step: current.step.id });

/** A place as the map draws it. */
export type LatLon = [number, number];

/**
 * The line from the previous step's place to this step's, for the map: each step's place is that of
 * its first event with one. Null on the first step, or when either step has no place or both share one.
 */
export function stepLine(
  current: CurrentStep,
  placeOf: (eventId: string) => Promise<{ id: string; lat: number; lon: number } | null>,
): Promise<[LatLon, LatLon] | null> {
  const previous = current.tour.steps[current.index - 1];
  if (!previous) return Promise.resolve(null);
  const placeOfStep = async (step: TourStep) => {
    for (const id of step.events) {
      const place = await placeOf(id);
      if (place) return place;
    }
    return null;
  };
  return Promise.all([placeOfStep(previous), placeOfStep(current.step)]).then(([a, b]) =>
    a && b && a.id !== b.id
      ? [
          [a.lat, a.lon],
          [b.lat, b.lon],
        ]
      : null,
  );
}

/**
 * The step's events that the view's filters other than time keep, each with its place and span: where
 * the map rings the step's pins (`tourPlaces` picks those in a window: the URL's on the server, a drag's
 * or a playback frame's in the browser, whose scrub index holds the same events). Unmapped events have
 * no pin to ring.
 */
export async function stepStops(
  current: CurrentStep,
  query: Query,
  store: Pick<StoreSnapshot, "event" | "neighbours">,
): Promise<TourStop[]> {
  const untimed: Query = { ...query, from: null, to: null };
  const stops = await Promise.all(
    current.step.events.map(async (id): Promise<TourStop | null> => {
      const event = await store.event(id);
      if (!event?.place) return null;
      const { position } = await store.neighbours(untimed, id);
      return position === null ? null : { placeId: event.place, startMs: event.startMs, endMs: event.endMs };
    }),
  );
  return stops.filter((stop) => stop !== null);
}
