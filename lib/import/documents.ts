import { sourceDocumentSchema, type SourceDocument } from "../schema/schema";
import { slugify } from "./events";

/** A source document given to the importer: its file name (as `sources/` holds it) and its text. */
export interface SourceFile {
  file: string;
  text: string;
}

/** The documents an import checks its quotes against, and the `sources.json` that describes them. */
export interface ImportDocuments {
  list: SourceDocument[];
  texts: ReadonlyMap<string, string>;
}

/** Whether a file name may stand in `sources/` (the data contract: a plain-text file, no folders). */
export const isDocumentName = (file: string) => sourceDocumentSchema.shape.file.safeParse(file).success;

/**
 * `sources.json` for the given documents, in their order. A document already described (an entry of
 * the data folder's own `sources.json`, valid by its schema) keeps its entry as written; any other is
 * described only as far as the importer knows it: its file name as a title the project supplies and
 * its language undetermined (`und`, BCP 47), to be completed by hand — the contract's rule that a
 * document is described only as far as it describes itself.
 */
export function describeDocuments(documents: readonly SourceFile[], described: readonly unknown[] = []): ImportDocuments {
  const known = new Map<string, SourceDocument>();
  for (const entry of described) {
    const parsed = sourceDocumentSchema.safeParse(entry);
    if (parsed.success && !known.has(parsed.data.file)) known.set(parsed.data.file, parsed.data);
  }
  const ids = new Set<string>();
  const list = documents.map(({ file }): SourceDocument => {
    const entry = known.get(file) ?? {
      id: uniqueId(slugify(file.replace(/\.txt$/i, "")) || "document", ids, known),
      file,
      title: file,
      titleSource: "supplied",
      language: ["und"],
      note: "Described by the importer from its file name: give its title, language, publisher and date where the document states them.",
    };
    ids.add(entry.id);
    return entry;
  });
  return { list, texts: new Map(documents.map(({ file, text }) => [file, text])) };
}

/** `base`, or `base-2`, `base-3` … when another document has that id. */
function uniqueId(base: string, taken: Set<string>, known: Map<string, SourceDocument>): string {
  const used = (id: string) => taken.has(id) || [...known.values()].some((d) => d.id === id);
  let id = base;
  for (let n = 2; used(id); n++) id = `${base}-${n}`;
  return id;
}
