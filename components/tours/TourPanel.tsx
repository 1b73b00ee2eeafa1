import type { Lang } from "@/lib/i18n/lang";
import { translator } from "@/lib/i18n/translator";
import { NO_TOUR, serializeQuery, type Query, type Vocabulary } from "@/lib/query/query";
import { showsStep, stepHref, type CurrentStep } from "@/lib/tours/steps";
import { TourKeys } from "./TourKeys";

export interface TourPanelProps {
  current: CurrentStep;
  query: Query;
  vocabulary: Vocabulary;
  /** The step's events with their titles in the reader's language. */
  events: { id: string; title: string }[];
  /** Each source: its quote, its document's title and page (null for a document without one, carrying the way back). */
  sources: { quote: string; title: string; href: string | null }[];
}

/**
 * A guided tour's step, rendered on the server (plain links: they work before any script, and the
 * dashboard's first scripts carry nothing of tours): its title and text, its events and the quotes behind
 * them, "Step 2 of 5", and Previous/Next as real links to the steps' own views. When the reader has
 * changed the view, the tour stays and offers the way back to the step.
 */
export function TourPanel({ current, query, vocabulary, events, sources }: TourPanelProps) {
  const lang: Lang = query.lang;
  const t = translator(lang);
  const { tour, step, index } = current;
  const count = tour.steps.length;
  const [previous, next] = [tour.steps[index - 1], tour.steps[index + 1]];
  const href = (s: (typeof tour.steps)[number]) => stepHref(tour, s, lang, vocabulary);
  const onStep = showsStep(query, step, vocabulary);
  return (
    <TourKeys label={`${t("tour.panel")}: ${tour.title[lang]}`}>
      <p className="tour-kicker">
        {t("tour.panel")} · <a href={`/tours${lang === "en" ? "" : `?lang=${lang}`}`}>{tour.title[lang]}</a>
      </p>
      <h2 id="tour-step-title">{step.title[lang]}</h2>
      <p className="tour-position" data-testid="tour-position">
        {t("tour.stepOf", { index: index + 1, count })}
      </p>
      {onStep ? null : (
        <p>
          <a href={href(step)} data-testid="tour-back-to-step">
            {t("tour.backToStep", { index: index + 1 })}
          </a>
        </p>
      )}
      <p className="tour-body">{step.body[lang]}</p>
      <h3>{t("tour.events")}</h3>
      <ul className="tour-events">
        {events.map((e) => (
          <li key={e.id}>
            <a href={`/${serializeQuery({ ...query, event: e.id })}`}>{e.title}</a>
          </li>
        ))}
      </ul>
      <h3>{t("tour.sources")}</h3>
      <ul className="tour-sources">
        {sources.map((s, i) => (
          <li key={i}>
            <q>{s.quote}</q> — {s.href ? <a href={s.href}>{s.title}</a> : s.title}
          </li>
        ))}
      </ul>
      <nav className="tour-steps" aria-label={t("tour.keys")}>
        {previous ? (
          <a href={href(previous)} rel="prev">
            {t("tour.previous")}
          </a>
        ) : null}
        {next ? (
          <a href={href(next)} rel="next">
            {t("tour.next")}
          </a>
        ) : null}
        <a href={`/${serializeQuery({ ...query, ...NO_TOUR })}`} className="tour-exit">
          {t("tour.exit")}
        </a>
      </nav>
    </TourKeys>
  );
}
