"use client";

import { homeHref } from "@/lib/i18n/lang";

// A client error boundary gets no view (and no catalogue): its few words in both languages, chosen by <html lang>.
const WORDS = {
  en: {
    title: "Something went wrong",
    body: "The dashboard could not be shown. This is a fault on our side, not in your link.",
    reference: "Reference for the site’s maintainers:",
    retry: "Try again",
    or: "or",
    restart: "start over",
  },
  zh: {
    title: "出错了",
    body: "无法显示仪表板。这是本站的问题，与您的链接无关。",
    reference: "供网站维护者参考的编号：",
    retry: "重试",
    or: "或",
    restart: "从首页重新开始",
  },
};

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const zh = typeof document !== "undefined" && document.documentElement.lang.startsWith("zh");
  const w = zh ? WORDS.zh : WORDS.en;
  return (
    <main className="message-page" role="alert">
      <h1>{w.title}</h1>
      <p>{w.body}</p>
      {error.digest ? (
        <p>
          {w.reference} <code>{error.digest}</code>
        </p>
      ) : null}
      <p>
        <button type="button" onClick={reset}>
          {w.retry}
        </button>{" "}
        {w.or} <a href={homeHref(zh ? "zh" : "en")}>{w.restart}</a>.
      </p>
    </main>
  );
}
