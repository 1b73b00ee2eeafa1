import type { Metadata } from "next";
import { DatasetErrorView } from "@/components/dashboard/DatasetErrorView";
import { translator } from "@/lib/i18n/translator";
import { langOf } from "@/lib/i18n/lang";
import { storeOrRefusal } from "@/lib/http/unavailable";
import { readBack } from "@/lib/query/read-back";
import { stepHref, tourHref } from "@/lib/tours/steps";
import "../sources/[id]/source-page.css";

type SearchParams = Record<string, string | string[] | undefined>;
type Props = { searchParams: Promise<SearchParams> };

const readerOf = (params: SearchParams) => langOf([params.lang].flat()[0]);

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const t = translator(readerOf(await searchParams));
  return { title: `${t("tour.pageTitle")} — ${t("site.name")}` };
}

/** The guided tours of the data, each with its steps as links to their own dashboard views. */
export default async function ToursRoute({ searchParams }: Props) {
  const params = await searchParams;
  const reader = readerOf(params);
  const t = translator(reader);
  const { store, refused } = await storeOrRefusal();
  if (refused) return <DatasetErrorView error={refused} lang={reader} />;
  const { href: backHref } = readBack(params.back, reader, store.vocabulary);
  const tours = await store.tours();
  return (
    <main className="source-page tours-index">
      <p className="back">
        <a href={backHref}>{t("source.back")}</a>
      </p>
      <header>
        <h1>{t("tour.heading")}</h1>
        <p>{t("tour.intro")}</p>
      </header>
      {tours.length === 0 ? <p>{t("tour.none")}</p> : null}
      {tours.map((tour) => (
        <section key={tour.id} className="tour" data-testid="tour" aria-labelledby={`tour-${tour.id}`}>
          <h2 id={`tour-${tour.id}`}>
            <a href={tourHref(tour, reader, store.vocabulary)}>{tour.title[reader]}</a>
          </h2>
          <p>{tour.summary[reader]}</p>
          <p>
            {t("tour.steps", { count: tour.steps.length })} · <a href={tourHref(tour, reader, store.vocabulary)}>{t("tour.start")}</a>
          </p>
          <ol>
            {tour.steps.map((step) => (
              <li key={step.id}>
                <a href={stepHref(tour, step, reader, store.vocabulary)}>{step.title[reader]}</a>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </main>
  );
}
