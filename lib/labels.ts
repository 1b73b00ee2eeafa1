import type { DatasetIndex, IndexedEvent } from "./dataset";
import { countryName } from "./describe";

/** Display names for an event's references, falling back to the id so nothing renders blank. */
export function placeLabel(event: IndexedEvent, index: DatasetIndex): string {
  if (!event.place) return event.online ? "Online" : "Place not stated";
  const place = index.placeById.get(event.place);
  return place ? `${place.name}, ${countryName(place.country)}` : event.place;
}

export function categoryLabel(event: IndexedEvent, index: DatasetIndex): string {
  return index.categoryById.get(event.category)?.name ?? event.category;
}

/** `smartClassrooms` → "smart classrooms". */
export function figureLabel(key: string): string {
  return key.replace(/([a-z])([A-Z0-9])/g, "$1 $2").toLowerCase();
}
