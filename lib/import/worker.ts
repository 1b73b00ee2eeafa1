/**
 * The page `/import`'s Web Worker: it is sent a File, reads and checks it off the main thread, and
 * answers with what the page shows. Messages: page → worker `{ file }`; worker → page
 * `{ type: "progress", stage, fraction? }`, then `{ type: "done", check }` or `{ type: "failed", message }`.
 */
import { checkFile, type FileCheck } from "./check-file";

export type WorkerReply =
  /** `fraction`: how much of a CSV/TSV's text has been read, when known. */
  | { type: "progress"; stage: "reading" | "checking"; fraction?: number }
  | { type: "done"; check: FileCheck }
  | { type: "failed"; message: string };

const reply = (message: WorkerReply) => postMessage(message);

addEventListener("message", async (event: MessageEvent<{ file: File }>) => {
  const { file } = event.data;
  try {
    reply({ type: "progress", stage: "reading" });
    const bytes = async () => {
      const read = new Uint8Array(await file.arrayBuffer());
      reply({ type: "progress", stage: "checking" });
      return read;
    };
    // At most ten reports a second: enough for the bar to move, few enough not to flood the page.
    let last = 0;
    const progress = (fraction: number) => {
      if (performance.now() - last < 100) return;
      last = performance.now();
      reply({ type: "progress", stage: "checking", fraction });
    };
    reply({ type: "done", check: await checkFile({ name: file.name, size: file.size, bytes }, progress) });
  } catch (error) {
    // The importer reports bad input as problems; this is for what it did not foresee (a file the browser cannot read).
    reply({ type: "failed", message: error instanceof Error ? error.message : String(error) });
  }
});
