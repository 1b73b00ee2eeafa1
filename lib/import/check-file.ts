import type { Dataset } from "../data/dataset";
import { DATA_FILES } from "../schema/validate";
import { importFiles, refuseIfTooLarge, type ImportStage, type ImportSummary } from "./import";
import { jsonArrayPieceCount, jsonArrayPieces } from "./json-array";
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

/** The importer's stages, then the dataset's files written for the page's downloads. */
export type CheckStage = ImportStage | "files";
export type CheckProgress = (stage: CheckStage, fraction: number) => void;

/** Pieces of a file's text between two reports of the progress (a thousand records). */
const PIECES_A_REPORT = 10;

/**
 * The dataset's files as the command writes them, a piece at a time: every ten pieces go into a Blob
 * (the text encoded then, a little at a time, not all at once at the end) and the progress is told.
 */
function datasetFiles(dataset: Dataset, progress?: CheckProgress): FileCheck["files"] {
  const kinds = Object.entries(DATA_FILES) as [keyof typeof DATA_FILES, string][];
  const total = kinds.reduce((sum, [kind]) => sum + jsonArrayPieceCount(dataset[kind].length), 0);
  let done = 0;
  return kinds.map(([kind, name]) => {
    const parts: Blob[] = [];
    let pieces: string[] = [];
    for (const piece of jsonArrayPieces(dataset[kind])) {
      pieces.push(piece);
      done += 1;
      if (done % PIECES_A_REPORT === 0) {
        parts.push(new Blob(pieces));
        pieces = [];
        progress?.("files", done / total);
      }
    }
    return { name, blob: new Blob([...parts, ...pieces], { type: "application/json" }) };
  });
}

/**
 * Checks one file as `npm run import` does (no gazetteer: a bare place name is unknown here) and
 * shapes what the page shows. Runs in the page's Web Worker: the file never leaves the browser.
 */
export async function checkFile(
  file: { name: string; size: number; bytes: () => Promise<Uint8Array> },
  progress?: CheckProgress,
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
    files: dataset ? datasetFiles(dataset, progress) : [],
  };
}
