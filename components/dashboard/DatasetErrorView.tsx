import type { DatasetError, StoreUnavailableError } from "@/lib/data/store";
import { translator } from "@/lib/i18n/translator";
import type { Lang } from "@/lib/i18n/lang";
import { publicProblems } from "@/lib/data/public-problems";
import { UNAVAILABLE_MARK } from "@/lib/data-version/data-version.mjs";

/** On either view: the page cache (server.mjs) never keeps a page saying the data is unavailable. */
const notKept = { [UNAVAILABLE_MARK]: "" };

/**
 * Shown instead of the dashboard when the data files are wrong, or the database does not answer:
 * never half a dashboard. Problems are named relative to the data folder; the folder's path on the
 * server (and the database's address) stays in the server log.
 */
export function DatasetErrorView({ error, lang = "en" }: { error: DatasetError | StoreUnavailableError; lang?: Lang }) {
  if (error.name === "StoreUnavailableError") return <StoreUnavailableView lang={lang} />;
  return <ProblemsView error={error as DatasetError} lang={lang} />;
}

function StoreUnavailableView({ lang }: { lang: Lang }) {
  const t = translator(lang);
  return (
    <main className="message-page" role="alert" {...notKept}>
      <h1>{t("error.storeUnavailableTitle")}</h1>
      <p>{t("error.storeUnavailableBody")}</p>
    </main>
  );
}

function ProblemsView({ error, lang }: { error: DatasetError; lang: Lang }) {
  const problems = publicProblems(error.dir, error.problems);
  const t = translator(lang);
  // The command is set in <code>: the sentence is split where the message puts it.
  const [before, after] = t("error.datasetBody", { count: problems.length, command: "\u0000" }).split("\u0000");
  return (
    <main className="message-page" role="alert" {...notKept}>
      <h1>{t("error.datasetTitle")}</h1>
      <p>
        {before}
        <code>npm run check:data</code>
        {after}
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
