import { DATA_FILES } from "../schema/validate";
import { importFiles, refuseIfTooLarge, type ImportSummary } from "./import";
import { problemsCsv, type ImportProblem } from "./problems";

/** What the page `/import` shows of a file it checked: small, whatever the file's size. */
export interface FileCheck {
  name: string;
  summary: ImportSummary;
  /**
   * The first problems (at most `LISTED_PROBLEMS`, in the sheet's order): 10⁵ of them would take the
   * page's thread too long to receive and filter. `problemsCsv` has them all.
   */
  problems: ImportProblem[];
  /** How many problems there are in all. */
  problemCount: number;
  /** The problems as the CSV `npm run import -- --problems` writes; null when there are none. */
  problemsCsv: Blob | null;
  /** Events per year (of their start), oldest first. */
  years: { year: string; events: number }[];
  /** The places the events are at, most events first (the first 10). */
  places: { name: string; nameZh: string; events: number }[];
  /** The preview map's places (components/import/PlacesMap.tsx) and the events it cannot show. */
  map: PreviewMap;
  /** The dataset's four JSON files, as the command writes them; empty when an error refuses the import. */
  files: { name: string; blob: Blob }[];
}

/** A place as the preview map draws it: a dot at its coordinates, sized by its events. */
export interface MapPlace {
  id: string;
  name: string;
  nameZh: string;
  lat: number;
  lon: number;
  events: number;
}

export interface PreviewMap {
  /** The places, most events first: at most `MAP_PLACES` (the message to the page stays small). */
  places: MapPlace[];
  /** How many places the import has in all. */
  total: number;
  /** Events with no place (online, or where the place is unknown): not on the map. */
  eventsWithoutPlace: number;
}

/** The places the preview map shows at most. */
export const MAP_PLACES = 1000;

/** The problems the page lists; the CSV download has every one. */
export const LISTED_PROBLEMS = 1000;

const json = (value: unknown) => new Blob([JSON.stringify(value, null, 2) + "\n"], { type: "application/json" });

/**
 * Checks one file as `npm run import` does (no gazetteer: a bare place name is unknown here) and
 * shapes what the page shows. Runs in the page's Web Worker: the file never leaves the browser.
 */
export async function checkFile(
  file: { name: string; size: number; bytes: () => Promise<Uint8Array> },
  progress?: (fraction: number) => void,
): Promise<FileCheck> {
  // A file over the limit is refused by its size, not read whole.
  const { dataset, problems, summary } =
    refuseIfTooLarge(file.name, file.size) ?? (await importFiles([{ name: file.name, bytes: await file.bytes() }], { progress }));
  const years = new Map<string, number>();
  const atPlace = new Map<string, number>();
  for (const event of dataset?.events ?? []) {
    const year = event.start.slice(0, 4);
    years.set(year, (years.get(year) ?? 0) + 1);
    if (event.place) atPlace.set(event.place, (atPlace.get(event.place) ?? 0) + 1);
  }
  const placeById = new Map((dataset?.places ?? []).map((p) => [p.id, p]));
  const mapPlaces = (dataset?.places ?? [])
    .map(({ id, name, nameZh, lat, lon }) => ({ id, name, nameZh, lat, lon, events: atPlace.get(id) ?? 0 }))
    .sort((a, b) => b.events - a.events);
  return {
    name: file.name,
    summary,
    problems: problems.slice(0, LISTED_PROBLEMS),
    problemCount: problems.length,
    problemsCsv: problems.length > 0 ? new Blob([problemsCsv(problems)], { type: "text/csv;charset=utf-8" }) : null,
    years: [...years].sort(([a], [b]) => a.localeCompare(b)).map(([year, events]) => ({ year, events })),
    places: [...atPlace]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([id, events]) => ({ name: placeById.get(id)?.name ?? id, nameZh: placeById.get(id)?.nameZh ?? id, events })),
    map: {
      places: mapPlaces.slice(0, MAP_PLACES),
      total: mapPlaces.length,
      eventsWithoutPlace: (dataset?.events ?? []).filter((e) => !e.place).length,
    },
    files: dataset
      ? (Object.entries(DATA_FILES) as [keyof typeof DATA_FILES, string][]).map(([kind, name]) => ({ name, blob: json(dataset[kind]) }))
      : [],
  };
}
