"use client";

import { lazy, startTransition, Suspense, useEffect, useMemo, useRef, useState, type DragEvent, type RefObject } from "react";
import type en from "@/messages/en.json";
import type { Lang } from "@/lib/i18n/lang";
import { fill, formatCount } from "@/lib/i18n/plural";
import type { FileCheck } from "@/lib/import/check-file";
import type { ImportProblem, Severity } from "@/lib/import/problems";
import type { WorkerReply, WorkerStage } from "@/lib/import/worker";

/** The page's words, already in the reader's language (`{name}` placeholders filled here). */
export type ImportText = (typeof en)["import"];

type State =
  | { kind: "idle" }
  | { kind: "working"; name: string; stage: WorkerStage; fraction?: number; started: number }
  | { kind: "done"; check: FileCheck }
  | { kind: "failed"; name: string; message: string };

/** The accepted files, as the importer reads them (lib/import/import.ts). */
const ACCEPT = ".csv,.tsv,.txt,.xlsx,.json,.geojson";
/**
 * The preview's map of the places, in a chunk of its own: fetched (and its module run) while a file is
 * checked, so that a clean result does not wait for it, nor run it in the same moment as its own render.
 */
const loadPlacesMap = () => import("./PlacesMap");
const PlacesMap = lazy(() => loadPlacesMap().then((module) => ({ default: module.PlacesMap })));

/** Problems rendered at a time: a file with 10⁵ faulty rows must not freeze the page. */
const PAGE = 200;

/**
 * Choose or drop a file; a Web Worker reads and checks it (lib/import/worker.ts), so the page stays
 * responsive and nothing is uploaded. Then the summary, what would be imported, and every problem
 * named by its sheet, row and column, filterable and downloadable.
 */
export function ImportTool({ text, lang }: { text: ImportText; lang: Lang }) {
  const [state, setState] = useState<State>({ kind: "idle" });
  const [dragging, setDragging] = useState(false);
  const worker = useRef<Worker | null>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  // One worker at a time: a new file stops the check of the previous one.
  const stop = () => {
    worker.current?.terminate();
    worker.current = null;
  };
  useEffect(() => stop, []);

  function check(file: File) {
    stop();
    if (typeof Worker === "undefined") return setState({ kind: "failed", name: file.name, message: text.noWorker });
    const started = performance.now();
    setState({ kind: "working", name: file.name, stage: "reading", started });
    // A classic worker: the bundler writes its entry and loads its chunks itself (Turbopack with importScripts).
    const w = new Worker(new URL("../../lib/import/worker.ts", import.meta.url));
    worker.current = w;
    w.onmessage = ({ data }: MessageEvent<WorkerReply>) => {
      if (worker.current !== w) return;
      if (data.type === "progress") {
        setState({ kind: "working", name: file.name, stage: data.stage, fraction: data.fraction, started });
        // Once the worker is at work, not in the drop's own task, which starts the worker and sends it the file.
        void loadPlacesMap();
      } else {
        stop();
        // A transition: React renders the result a few milliseconds at a time, so the page's thread
        // is never held long by it (a clean result's preview, a thousand problems).
        startTransition(() =>
          setState(data.type === "done" ? { kind: "done", check: data.check } : { kind: "failed", name: file.name, message: data.message }),
        );
      }
    };
    w.onerror = (event) => {
      if (worker.current !== w) return;
      stop();
      setState({ kind: "failed", name: file.name, message: event.message || "worker error" });
    };
    w.postMessage({ file, lang });
  }

  // The result is announced by moving focus to its heading, so a keyboard or screen-reader user lands on it.
  useEffect(() => {
    if (state.kind === "done" || state.kind === "failed") resultHeading.current?.focus();
  }, [state.kind]);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) check(file);
  };

  return (
    <>
      <div
        className={`import-drop${dragging ? " dragging" : ""}`}
        data-testid="import-drop"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label className="import-choose">
          {text.choose}
          <input
            type="file"
            accept={ACCEPT}
            data-testid="import-file"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) check(file);
              // The same file chosen again (after fixing it) is checked again.
              event.target.value = "";
            }}
          />
        </label>{" "}
        <span>{dragging ? text.dropActive : text.drop}</span>
      </div>
      <div aria-live="polite" className="import-status" data-testid="import-status">
        {state.kind === "idle" ? <p className="note">{text.idle}</p> : null}
        {state.kind === "working" ? <Working state={state} text={text} /> : null}
      </div>
      {state.kind === "failed" ? (
        <section className="import-result" role="alert">
          <h2 tabIndex={-1} ref={resultHeading}>
            {fill(text.failed, { name: state.name, message: state.message })}
          </h2>
        </section>
      ) : null}
      {state.kind === "done" ? <Result check={state.check} text={text} lang={lang} headingRef={resultHeading} /> : null}
    </>
  );
}

/** Which stage the check is at, and for how long: the file's size decides how long it takes. */
function Working({ state, text }: { state: Extract<State, { kind: "working" }>; text: ImportText }) {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(performance.now()), 500);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, (now - state.started) / 1000).toFixed(1);
  return (
    <p className="import-working">
      <progress aria-label={fill(text[state.stage], { name: state.name })} value={state.fraction} max={1} />{" "}
      {fill(text[state.stage], { name: state.name })} <span aria-hidden="true">{fill(text.elapsed, { seconds })}</span>
    </p>
  );
}

/** An object URL for a blob, revoked when the blob changes or the component goes. */
function useBlobUrl(blob: Blob | null): string | null {
  const url = useMemo(() => (blob ? URL.createObjectURL(blob) : null), [blob]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  return url;
}

function Result({
  check,
  text,
  lang,
  headingRef,
}: {
  check: FileCheck;
  text: ImportText;
  lang: Lang;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const { summary } = check;
  const count = (n: number) => formatCount(n, lang);
  const accepted = summary.errors === 0;
  return (
    <section className="import-result" data-testid="import-result">
      <h2 tabIndex={-1} ref={headingRef} data-testid="import-verdict" className={accepted ? "accepted" : "refused"}>
        {fill(accepted ? text.accepted : text.refused, { name: check.name })}
      </h2>
      <h3>{text.summary}</h3>
      <dl className="source-meta" data-testid="import-summary">
        <dt>{text.format}</dt>
        <dd>{summary.format.toUpperCase()}</dd>
        {summary.encoding ? (
          <>
            <dt>{text.encoding}</dt>
            <dd data-testid="import-encoding">{summary.encoding}</dd>
          </>
        ) : null}
        <dt>{text.events}</dt>
        <dd data-testid="import-events">{count(summary.events)}</dd>
        <dt>{text.places}</dt>
        <dd>{count(summary.places)}</dd>
        <dt>{text.organizations}</dt>
        <dd>{count(summary.organizations)}</dd>
        <dt>{text.categories}</dt>
        <dd>{count(summary.categories)}</dd>
        {summary.dateRange ? (
          <>
            <dt>{text.dateRange}</dt>
            <dd>{`${summary.dateRange.from} – ${summary.dateRange.to}`}</dd>
          </>
        ) : null}
        <dt>{text.errors}</dt>
        <dd data-testid="import-errors">{count(summary.errors)}</dd>
        <dt>{text.warnings}</dt>
        <dd data-testid="import-warnings">{count(summary.warnings)}</dd>
      </dl>
      {summary.namedById.organizations + summary.namedById.categories > 0 ? (
        <p className="note">
          {fill(text.namedById, { organizations: count(summary.namedById.organizations), categories: count(summary.namedById.categories) })}
        </p>
      ) : null}
      {accepted ? <Preview check={check} text={text} lang={lang} /> : null}
      <Problems check={check} text={text} lang={lang} />
    </section>
  );
}

/** What would be imported: events per year, the busiest places and a map of them all, the four files, and the command. */
function Preview({ check, text, lang }: { check: FileCheck; text: ImportText; lang: Lang }) {
  const most = Math.max(1, ...check.years.map((y) => y.events));
  return (
    <>
      <h3>{text.preview}</h3>
      {check.years.length > 0 ? (
        <>
          <h4>{text.perYear}</h4>
          <table className="import-years" data-testid="import-years">
            <tbody>
              {check.years.map(({ year, events }) => (
                <tr key={year}>
                  <th scope="row">{year}</th>
                  <td>{formatCount(events, lang)}</td>
                  <td aria-hidden="true">
                    <span className="import-bar" style={{ width: `${(100 * events) / most}%` }} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {check.places.length > 0 ? (
        <>
          <h4>{text.topPlaces}</h4>
          <ol className="import-places">
            {check.places.map((p) => (
              <li key={p.name}>{`${lang === "zh" ? p.nameZh : p.name}: ${formatCount(p.events, lang)}`}</li>
            ))}
          </ol>
        </>
      ) : null}
      {check.map.total + check.map.eventsWithoutPlace > 0 ? (
        <Suspense fallback={null}>
          <PlacesMap map={check.map} text={text} lang={lang} />
        </Suspense>
      ) : null}
      <ul className="import-files">
        {check.files.map((file) => (
          <li key={file.name}>
            <Download blob={file.blob} name={file.name} label={fill(text.downloadFile, { file: file.name })} />
          </li>
        ))}
      </ul>
      <p>{text.command}</p>
      <pre className="import-command">
        <code>{`npm run import -- "${check.name}" --out data --problems problems.csv\nDATABASE_URL=postgres://… npm run import -- "${check.name}" --out data --publish`}</code>
      </pre>
    </>
  );
}

function Download({ blob, name, label }: { blob: Blob; name: string; label: string }) {
  const url = useBlobUrl(blob);
  return url ? (
    <a href={url} download={name}>
      {label}
    </a>
  ) : null;
}

const problemKey = (p: ImportProblem, i: number) => `${i}:${p.sheet}:${p.row}:${p.columnLetter}:${p.code}`;

/** Every problem by its cell: filterable by severity and by code, shown a page at a time, downloadable as CSV. */
function Problems({ check, text, lang }: { check: FileCheck; text: ImportText; lang: Lang }) {
  const [severity, setSeverity] = useState<Severity | "">("");
  const [code, setCode] = useState("");
  const [limit, setLimit] = useState(PAGE);
  const codes = useMemo(() => [...new Set(check.problems.map((p) => p.code))].sort(), [check.problems]);
  const shown = useMemo(
    () => check.problems.filter((p) => (!severity || p.severity === severity) && (!code || p.code === code)),
    [check.problems, severity, code],
  );
  const csvUrl = useBlobUrl(check.problemsCsv);
  if (check.problems.length === 0)
    return (
      <>
        <h3>{text.problems}</h3>
        <p data-testid="import-no-problems">{text.noProblems}</p>
      </>
    );
  const zh = lang === "zh";
  return (
    <>
      <h3>{text.problems}</h3>
      <div className="import-filters">
        <label>
          {text.severity}{" "}
          <select
            value={severity}
            data-testid="import-filter-severity"
            onChange={(event) => {
              setSeverity(event.target.value as Severity | "");
              setLimit(PAGE);
            }}
          >
            <option value="">{text.all}</option>
            <option value="error">{text.error}</option>
            <option value="warning">{text.warning}</option>
          </select>
        </label>{" "}
        <label>
          {text.code}{" "}
          <select
            value={code}
            onChange={(event) => {
              setCode(event.target.value);
              setLimit(PAGE);
            }}
          >
            <option value="">{text.all}</option>
            {codes.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>{" "}
        {csvUrl ? (
          <a href={csvUrl} download={`${check.name.replace(/\.[^.]*$/, "")}-problems.csv`} data-testid="import-problems-csv">
            {text.downloadProblems}
          </a>
        ) : null}
      </div>
      <p className="note" aria-live="polite">
        {fill(text.shown, { shown: formatCount(Math.min(limit, shown.length), lang), total: formatCount(shown.length, lang) })}
        {check.problemCount > check.problems.length
          ? ` ${fill(text.listed, { listed: formatCount(check.problems.length, lang), total: formatCount(check.problemCount, lang) })}`
          : null}
      </p>
      <div className="import-table-wrap">
        <table className="import-problems" data-testid="import-problems">
          <thead>
            <tr>
              <th scope="col">{text.severity}</th>
              <th scope="col">{text.sheet}</th>
              <th scope="col">{text.row}</th>
              <th scope="col">{text.column}</th>
              <th scope="col">{text.value}</th>
              <th scope="col">{text.message}</th>
              <th scope="col">{text.suggestion}</th>
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, limit).map((p, i) => (
              <tr key={problemKey(p, i)} className={p.severity} data-testid="import-problem">
                <td>
                  <span className={`import-severity ${p.severity}`}>{p.severity === "error" ? text.error : text.warning}</span>
                  <br />
                  <code className="import-code">{p.code}</code>
                </td>
                <td>{p.sheet}</td>
                <td data-testid="import-problem-row">{p.row ?? ""}</td>
                <td data-testid="import-problem-column">
                  {p.columnLetter ? <span className="import-letter">{p.columnLetter}</span> : null} {p.column}
                </td>
                <td className="import-value">{p.value}</td>
                <td>{zh ? p.messageZh : p.message}</td>
                <td>{(zh ? p.suggestionZh : p.suggestion) ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown.length > limit ? (
        <button type="button" onClick={() => setLimit((n) => n + PAGE)}>
          {text.showMore}
        </button>
      ) : null}
    </>
  );
}
