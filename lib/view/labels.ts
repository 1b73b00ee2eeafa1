import "server-only";
import type { Names, StoredEvent } from "../data/dataset";
import { countryName } from "./describe";
import { translator } from "../i18n/translator";
import { nameById, nameIn, type Lang } from "../i18n/lang";

/** Display names for an event's references in the reader's language, falling back to the id so nothing renders blank. */
export function placeLabel(event: StoredEvent, index: Names, lang: Lang = "en"): string {
  const t = translator(lang);
  if (!event.place) return event.online ? t("detail.online") : t("detail.placeNotStated");
  const place = index.placeById.get(event.place);
  return place ? t("detail.placeInCountry", { place: nameIn(lang, place), country: countryName(place.country, lang) }) : event.place;
}

export function categoryLabel(event: StoredEvent, index: Names, lang: Lang = "en"): string {
  return nameById(lang, index.categoryById, event.category);
}

/** An event's title in the reader's language, and the other one (shown beside it, or in tooltips). */
export function titlesOf(event: Pick<StoredEvent, "title" | "titleZh">, lang: Lang): { title: string; altTitle?: string } {
  if (!event.titleZh) return { title: event.title };
  return lang === "zh" ? { title: event.titleZh, altTitle: event.title } : { title: event.title, altTitle: event.titleZh };
}

/** `smartClassrooms` → "smart classrooms". */
export function figureLabel(key: string): string {
  return key.replace(/([a-z])([A-Z0-9])/g, "$1 $2").toLowerCase();
}
