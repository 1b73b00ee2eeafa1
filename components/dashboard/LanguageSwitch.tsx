"use client";
import { useViewContext } from "./ViewContext";

/**
 * English / 中文: the same view in the other language. A plain link, not a client navigation: the
 * whole document changes language (`<html lang>` included), and it works before JavaScript loads.
 */
export function LanguageSwitch() {
  const { hrefFor, text } = useViewContext();
  const { lang, text: name, label } = text.switchTo;
  return (
    <a
      className="language-switch"
      href={hrefFor({ lang })}
      hrefLang={lang === "zh" ? "zh-Hans" : "en"}
      lang={lang === "zh" ? "zh-Hans" : "en"}
      aria-label={label}
      data-testid="language-switch"
    >
      {name}
    </a>
  );
}
