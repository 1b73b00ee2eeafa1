import { headers } from "next/headers";
import { translator } from "@/lib/i18n/translator";
import { homeHref, LANG_HEADER, langOf } from "@/lib/i18n/lang";

// A plain link: next/link would add its runtime to every page's first load, for a page rarely seen.
export default async function NotFound() {
  const lang = langOf((await headers()).get(LANG_HEADER));
  const t = translator(lang);
  return (
    <main className="message-page">
      <h1>{t("error.notFoundTitle")}</h1>
      <p>{t("error.notFoundBody")}</p>
      <p>
        <a href={homeHref(lang)}>{t("error.openDashboard")}</a>
      </p>
    </main>
  );
}
