"use client";
import { useEffect, useId, useRef, useState } from "react";
import { embedHeight, hostScriptCode, iframeCode } from "@/lib/embed/embed-code";
import { fill } from "@/lib/i18n/plural";
import { embedHref } from "@/lib/query/endpoints";
import { EMBED_PARTS, EMBED_THEMES, type EmbedPart, type EmbedTheme } from "@/lib/query/query";
import { useViewContext } from "../dashboard/ViewContext";

/**
 * The Embed dialog (opened by EmbedDialog, which loads this on the first click): the iframe code of
 * the view on screen (lib/embed/embed-code.ts) and a copy button; the reader chooses the parts shown
 * (`ui`) and the colours (`theme`), and may add the host script that fits the frame to its content.
 * A native modal `<dialog>`, open while mounted: Escape closes it and keeps focus inside while open.
 */
export function EmbedCode({ viewName, onClose }: { viewName: string; onClose: () => void }) {
  const { query, text } = useViewContext();
  const t = text.embed;
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => dialog.current?.showModal(), []);
  const [autoHeight, setAutoHeight] = useState(true);
  const [parts, setParts] = useState<EmbedPart[]>(query.ui);
  const [theme, setTheme] = useState<EmbedTheme>(query.theme);
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  const titleId = useId();
  const codeId = useId();

  // It needs the page's address, which the server does not know: the dialog is the browser's alone.
  const code = [
    iframeCode({
      src: new URL(embedHref({ ...query, ui: parts, theme }, {}), window.location.href).href,
      title: fill(t.frameTitle, { view: viewName }),
      width: "100%",
      height: embedHeight(parts),
      theme,
    }),
    ...(autoHeight ? [hostScriptCode(window.location.origin)] : []),
  ].join("\n");

  // In the page's order; the last part shown cannot be taken away (a frame of nothing).
  const togglePart = (part: EmbedPart, on: boolean) => setParts(EMBED_PARTS.filter((p) => (p === part ? on : parts.includes(p))));

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
    setTimeout(() => setCopied("idle"), 2500);
  };

  return (
    <dialog ref={dialog} className="embed-dialog" aria-labelledby={titleId} data-testid="embed-dialog" onClose={onClose}>
      <h2 id={titleId}>{t.dialogTitle}</h2>
      <p>{t.intro}</p>
      <label htmlFor={codeId}>{t.codeLabel}</label>
      <textarea id={codeId} readOnly value={code} rows={6} spellCheck={false} onFocus={(e) => e.currentTarget.select()} />
      <fieldset className="embed-dialog__choices">
        <legend>{t.parts}</legend>
        {EMBED_PARTS.map((part) => (
          <label key={part}>
            <input
              type="checkbox"
              checked={parts.includes(part)}
              disabled={parts.length === 1 && parts[0] === part}
              onChange={(e) => togglePart(part, e.target.checked)}
            />{" "}
            {t.partNames[part]}
          </label>
        ))}
      </fieldset>
      <fieldset className="embed-dialog__choices">
        <legend>{t.theme}</legend>
        {EMBED_THEMES.map((choice) => (
          <label key={choice}>
            <input type="radio" name={`${codeId}-theme`} checked={theme === choice} onChange={() => setTheme(choice)} /> {t.themes[choice]}
          </label>
        ))}
      </fieldset>
      <label className="embed-dialog__option">
        <input type="checkbox" checked={autoHeight} onChange={(e) => setAutoHeight(e.target.checked)} /> {t.autoHeight}
      </label>
      <div className="embed-dialog__actions">
        <button type="button" className="button" onClick={copy}>
          {copied === "copied" ? t.copied : t.copy}
        </button>
        <button type="button" className="button" onClick={() => dialog.current?.close()}>
          {t.close}
        </button>
      </div>
      <span role="status" className="visually-hidden">
        {copied === "copied" ? t.copiedStatus : copied === "failed" ? t.failed : ""}
      </span>
    </dialog>
  );
}
