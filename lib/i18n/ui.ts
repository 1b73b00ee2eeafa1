import type { Lang } from "./lang";
import type { UiText } from "./ui-text";
import { pluralForms, translator } from "./translator";

const cache = new Map<Lang, UiText>();

/** The client components' strings in one language, written once per process (a few KB). */
export function uiText(lang: Lang): UiText {
  const cached = cache.get(lang);
  if (cached) return cached;
  const t = translator(lang);
  // Templates keep their `{name}` placeholders: the browser fills them (plural.ts `fill`).
  const raw = (key: Parameters<typeof t.raw>[0]) => t.raw(key) as string;
  const text: UiText = {
    lang,
    heading: t("site.heading"),
    skipToList: t("site.skipToList"),
    skipToTimeline: t("site.skipToTimeline"),
    switchTo: { lang: lang === "en" ? "zh" : "en", text: t("site.switchTo"), label: t("site.switchLabel") },
    counts: {
      events: pluralForms(lang, "events"),
      places: pluralForms(lang, "places"),
      matchedOf: pluralForms(lang, "matchedOf"),
      all: pluralForms(lang, "all"),
      unmapped: pluralForms(lang, "unmapped"),
      showMore: raw("count.showMore").replace(/\{(\w+), number\}/g, "{$1}"),
    },
    summary: { clear: t("summary.clear"), clearLabel: t("summary.clearLabel") },
    chips: { label: t("chips.label"), remove: raw("chips.remove"), clearAll: t("chips.clearAll"), pair: raw("chips.pair") },
    facets: {
      summary: t("facets.summary"),
      year: t("facets.year"),
      fewer: t("facets.fewer"),
      all: raw("facets.all").replace(/\{(\w+), number\}/g, "{$1}"),
      clearAll: t("facets.clearAll"),
    },
    search: { label: t("search.label"), placeholder: t("search.placeholder"), hint: t("search.hint") },
    share: {
      copy: t("share.copy"),
      copied: t("share.copied"),
      copiedStatus: t("share.copiedStatus"),
      failed: t("share.failed"),
      download: t("share.download"),
      downloadLabel: t("share.downloadLabel"),
      formats: { csv: t("share.csv"), geojson: t("share.geojson"), ics: t("share.ics"), json: t("share.json") },
    },
    embed: {
      button: t("embed.button"),
      dialogTitle: t("embed.dialogTitle"),
      intro: t("embed.intro"),
      codeLabel: t("embed.codeLabel"),
      copy: t("embed.copy"),
      copied: t("embed.copied"),
      copiedStatus: t("embed.copiedStatus"),
      failed: t("embed.failed"),
      autoHeight: t("embed.autoHeight"),
      close: t("embed.close"),
      openFull: t("embed.openFull"),
      sources: t("embed.sources"),
      newTab: t("embed.newTab"),
      frameTitle: raw("embed.frameTitle"),
      parts: t("embed.parts"),
      partNames: { map: t("embed.partNames.map"), timeline: t("embed.partNames.timeline"), list: t("embed.partNames.list") },
      theme: t("embed.theme"),
      themes: { auto: t("embed.themes.auto"), light: t("embed.themes.light"), dark: t("embed.themes.dark") },
    },
    list: {
      label: t("list.label"),
      sidebar: t("list.sidebar"),
      empty: t("list.empty"),
      clearFilters: t("list.clearFilters"),
      stale: t("list.stale"),
      loading: t("list.loading"),
      inferred: raw("list.inferred"),
    },
    panels: {
      views: t("panels.views"),
      map: t("panels.map"),
      timeline: t("panels.timeline"),
      loadingMap: t("panels.loadingMap"),
      densityHint: t("panels.densityHint"),
      dragHint: t("panels.dragHint"),
      rows: t("panels.rows"),
      groupings: { category: t("panels.byCategory"), organization: t("panels.byOrganization"), none: t("panels.singleRow") },
      timelineEmpty: t("panels.timelineEmpty"),
      range: { label: t("panels.range"), from: t("panels.rangeFrom"), to: t("panels.rangeTo"), hint: t("panels.rangeHint") },
    },
    map: {
      fit: t("map.fit"),
      world: t("map.world"),
      offscreen: pluralForms(lang, "offscreen"),
      twoFingers: t("map.twoFingers"),
      legend: t("map.legend"),
      zoomIn: t("map.zoomIn"),
      zoomOut: t("map.zoomOut"),
    },
    legend: {
      label: t("legend.label"),
      stated: t("legend.stated"),
      inferred: t("legend.inferred"),
      mixed: t("legend.mixed"),
      cluster: t("legend.cluster"),
      pin: raw("legend.pin"),
      clusterPin: raw("legend.cluster_pin"),
    },
    detail: {
      close: t("detail.close"),
      date: t("detail.date"),
      place: t("detail.place"),
      category: t("detail.category"),
      organizations: t("detail.organizations"),
      people: t("detail.people"),
      figures: t("detail.figures"),
      sources: t("detail.sources"),
      previous: t("detail.previous"),
      next: t("detail.next"),
      steps: t("detail.steps"),
    },
  };
  cache.set(lang, text);
  return text;
}
