import { formatProblem } from "@/lib/validate";
import type { DatasetError } from "@/lib/store";

/** Shown instead of the dashboard when the data files are wrong: never half a dashboard. */
export function DatasetErrorView({ error }: { error: DatasetError }) {
  return (
    <main className="message-page" role="alert">
      <h1>The dataset could not be loaded</h1>
      <p>
        The data in <code>{error.dir}</code> has {error.problems.length} problem{error.problems.length === 1 ? "" : "s"}, so
        nothing is shown rather than a partial view. Fix these and reload (run <code>npm run check:data</code> to check):
      </p>
      <ul className="problems">
        {error.problems.map((p, i) => (
          <li key={i}>
            <code>{formatProblem(p)}</code>
          </li>
        ))}
      </ul>
    </main>
  );
}
