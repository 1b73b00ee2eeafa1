import type { DatasetError } from "@/lib/store";
import { publicProblems } from "@/lib/public-problems";

/**
 * Shown instead of the dashboard when the data files are wrong: never half a dashboard. Problems
 * are named relative to the data folder; the folder's path on the server stays in the server log.
 */
export function DatasetErrorView({ error }: { error: DatasetError }) {
  const problems = publicProblems(error.dir, error.problems);
  return (
    <main className="message-page" role="alert">
      <h1>The dataset could not be loaded</h1>
      <p>
        The data files have {problems.length} problem{problems.length === 1 ? "" : "s"}, so nothing is shown rather than a
        partial view. Fix these and reload (run <code>npm run check:data</code> to check):
      </p>
      <ul className="problems">
        {problems.map((problem, i) => (
          <li key={i}>
            <code>{problem}</code>
          </li>
        ))}
      </ul>
    </main>
  );
}
