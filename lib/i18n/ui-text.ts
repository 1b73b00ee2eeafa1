import type { PluralForms } from "./plural";
import type { Lang } from "./lang";

/**
 * Every string the client components show, already in the reader's language: the server fills it
 * from the message catalogues (lib/i18n/ui.ts) and it travels in the view, so the browser needs no
 * i18n runtime. Counts the browser writes itself come as plural templates (see plural.ts).
 */
export interface UiText {
  lang: Lang;
  heading: string;
  /** The first tab stop: "Skip to events list". */
  skipToList: string;
  skipToTimeline: string;
  /** The masthead's link to the same view in the other language. */
  switchTo: { lang: Lang; text: string; label: string };
  counts: {
    events: PluralForms;
    places: PluralForms;
    matchedOf: PluralForms;
    all: PluralForms;
    unmapped: PluralForms;
    /** "Show {next} more of {rest}" */
    showMore: string;
  };
  summary: { clear: string; clearLabel: string };
  chips: { label: string; remove: string; clearAll: string; /** "{kind}: {value}" */ pair: string };
  facets: { summary: string; year: string; fewer: string; all: string; clearAll: string };
  /** `hint`: that a year in the search narrows the time window. */
  search: { label: string; placeholder: string; hint: string };
  share: {
    copy: string;
    copied: string;
    copiedStatus: string;
    failed: string;
    download: string;
    downloadLabel: string;
    formats: Record<"csv" | "geojson" | "ics" | "json", string>;
  };
  /** The share menu's "Embed" dialog and the embedded view's own links; `frameTitle` is "{view} — site". */
  embed: {
    button: string;
    dialogTitle: string;
    intro: string;
    codeLabel: string;
    copy: string;
    copied: string;
    copiedStatus: string;
    failed: string;
    autoHeight: string;
    close: string;
    frameTitle: string;
    openFull: string;
    sources: string;
    newTab: string;
    parts: string;
    partNames: Record<"map" | "timeline" | "list", string>;
    theme: string;
    themes: Record<"auto" | "light" | "dark", string>;
  };
  /** `inferred`: "{where} (inferred)", a place the data infers. */
  list: {
    label: string;
    sidebar: string;
    empty: string;
    clearFilters: string;
    stale: string;
    loading: string;
    moreFailed: string;
    inferred: string;
  };
  panels: {
    views: string;
    map: string;
    timeline: string;
    loadingMap: string;
    densityHint: string;
    dragHint: string;
    rows: string;
    groupings: Record<"category" | "organization" | "none", string>;
    /** The timeline's own empty state, with the list's "Clear filters" beside it. */
    timelineEmpty: string;
    /** The keyboard's way to set the time window: two date fields in the timeline's bar. */
    range: { label: string; from: string; to: string; hint: string };
  };
  /** The player beside the time fields (components/playback). `announce`: "{frame}: {events} in {places}". */
  playback: {
    label: string;
    play: string;
    pause: string;
    start: string;
    close: string;
    step: string;
    steps: Record<"1y" | "3m" | "1m", string>;
    mode: string;
    slide: string;
    grow: string;
    pace: string;
    paceAuto: string;
    /** "{seconds} s" */
    paceSeconds: string;
    first: string;
    previous: string;
    next: string;
    last: string;
    /** "{index} of {count}" */
    position: string;
    keys: string;
    announce: string;
    /** The playback as an animated GIF or a video (plain download links), by format. */
    download: { gif: string; webm: string };
  };
  /** The map's own controls and hints (components/map). */
  /** `offscreen`: "7 events outside this map view". */
  map: { fit: string; world: string; offscreen: PluralForms; twoFingers: string; legend: string; zoomIn: string; zoomOut: string };
  /** `tourPin`: a pin's name (`{pin}`) when it holds an event of the open tour step. */
  legend: {
    label: string;
    stated: string;
    inferred: string;
    mixed: string;
    cluster: string;
    pin: string;
    clusterPin: string;
    tourPin: string;
  };
  detail: {
    close: string;
    date: string;
    place: string;
    category: string;
    organizations: string;
    people: string;
    figures: string;
    sources: string;
    previous: string;
    next: string;
    steps: string;
  };
}
