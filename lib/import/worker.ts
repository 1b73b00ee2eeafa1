/**
 * The page `/import`'s Web Worker: it is sent a File, reads and checks it off the main thread, and
 * answers with what the page shows. Messages: page → worker `{ file, lang }`; worker → page
 * `{ type: "progress", stage, fraction? }`, then `{ type: "done", check }` or `{ type: "failed", message }`.
 */
import { formatCount } from "../i18n/plural";
import type { Lang } from "../i18n/lang";
import { checkFile, type CheckStage, type FileCheck } from "./check-file";

/** The check's stages (`fraction`: how far into the stage, when known: not while the file's bytes are fetched, nor while a workbook is unpacked). */
export type WorkerStage = CheckStage;

export type WorkerReply =
  { type: "progress"; stage: WorkerStage; fraction?: number } | { type: "done"; check: FileCheck } | { type: "failed"; message: string };

const reply = (message: WorkerReply) => postMessage(message);

/** The most a second the progress is reported: enough for the bar to move, few enough not to flood the page. */
const REPORTS_A_SECOND = 10;

addEventListener("message", async (event: MessageEvent<{ file: File; lang: Lang }>) => {
  const { file, lang } = event.data;
  // The browser's number formatting (ICU) loads its data once for the whole page, on first use: 35–80 ms
  // measured on the page's thread, where the result's first count would pay it (a long task). Paid here
  // instead, off that thread, while the file is read; the page's counts then cost nothing.
  formatCount(0, lang);
  try {
    reply({ type: "progress", stage: "reading" });
    const bytes = async () => new Uint8Array(await file.arrayBuffer());
    // A new stage is told at once; within a stage, at most REPORTS_A_SECOND reports a second.
    let last = 0;
    let lastStage: WorkerStage = "reading";
    const progress = (stage: CheckStage, fraction: number) => {
      const now = performance.now();
      if (stage === lastStage && now - last < 1000 / REPORTS_A_SECOND) return;
      last = now;
      lastStage = stage;
      reply({ type: "progress", stage, fraction });
    };
    reply({ type: "done", check: await checkFile({ name: file.name, size: file.size, bytes }, progress) });
  } catch (error) {
    // The importer reports bad input as problems; this is for what it did not foresee (a file the browser cannot read).
    reply({ type: "failed", message: error instanceof Error ? error.message : String(error) });
  }
});
