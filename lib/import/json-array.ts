/** Records in a piece: small pieces of text die young, where large ones would wait for a full collection. */
const PIECE_RECORDS = 100;

/**
 * A JSON array's text, `JSON.stringify(records, null, 2) + "\n"`, a hundred records a piece: at 10⁵
 * events the whole text at once would be one more copy of the dataset in memory, and one long step
 * with nothing to report. The command writes each piece to its file (`scripts/import.ts`); the page's
 * worker gathers them into a Blob, reporting its progress between pieces (`check-file.ts`).
 */
export function* jsonArrayPieces(records: readonly unknown[]): Generator<string> {
  if (records.length === 0) yield "[]\n";
  // Each slice's text, without its brackets, is what the whole array's would hold for those records.
  for (let start = 0; start < records.length; start += PIECE_RECORDS) {
    const slice = JSON.stringify(records.slice(start, start + PIECE_RECORDS), null, 2);
    const last = start + PIECE_RECORDS >= records.length;
    yield `${start === 0 ? "[" : ","}${slice.slice(1, -2)}${last ? "\n]\n" : ""}`;
  }
}

/** How many pieces `jsonArrayPieces` cuts an array of `count` records into. */
export const jsonArrayPieceCount = (count: number) => Math.max(1, Math.ceil(count / PIECE_RECORDS));
