import "server-only";
import path from "node:path";
import { formatProblem, type DataProblem } from "./validate";

/**
 * Dataset problems as shown to visitors (error page, API 503): `file › record › field: message`,
 * with the data folder's absolute path removed from every part — a file-system error message quotes
 * it. The server log keeps the full path for the maintainer.
 */
export function publicProblems(dir: string, problems: DataProblem[]): string[] {
  const folders = [...new Set([dir, path.resolve(dir)])].filter((d) => d.length > 1).sort((a, b) => b.length - a.length);
  const redact = (text: string) =>
    folders.reduce((t, folder) => t.split(`${folder}${path.sep}`).join("").split(folder).join("the data folder"), text);
  return problems.map((p) => redact(formatProblem(p)));
}
