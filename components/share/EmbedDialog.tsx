"use client";
import { useId, useRef, useState } from "react";
import { embedHeight, hostScriptCode, iframeCode } from "@/lib/embed/embed-code";
import { fill } from "@/lib/i18n/plural";
import { embedHref } from "@/lib/query/endpoints";
import { useViewContext } from "../dashboard/ViewContext";

/**
 * "Embed": a dialog with the iframe code of the view on screen (lib/embed/embed-code.ts) and a copy
 * button, with the host script that fits the frame to its content as an option. A native modal
 * `<dialog>`: Escape closes it and keeps focus inside while open; closing returns focus to the button.
 */
export function EmbedDialog({ viewName }: { viewName: string }) {
  const { query, text } = useViewContext();
  const t = text.embed;
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [autoHeight, setAutoHeight] = useState(true);
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  const titleId = useId();
  const codeId = useId();

  // Written only while open: it needs the page's address, which the server does not know.
  const code = open
    ? [
        iframeCode({
          src: new URL(embedHref(query, {}), window.location.href).href,
          title: fill(t.frameTitle, { view: viewName }),
          width: "100%",
          height: embedHeight(query.ui),
        }),
        ...(autoHeight ? [hostScriptCode(window.location.origin)] : []),
      ].join("\n")
    : "";

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
    <>
      <button
        ref={opener}
        type="button"
        className="button"
        aria-haspopup="dialog"
        onClick={() => {
          setOpen(true);
          dialog.current?.showModal();
        }}
      >
        {t.button}
      </button>
      <dialog
        ref={dialog}
        className="embed-dialog"
        aria-labelledby={titleId}
        data-testid="embed-dialog"
        onClose={() => {
          setOpen(false);
          opener.current?.focus();
        }}
      >
        <h2 id={titleId}>{t.dialogTitle}</h2>
        <p>{t.intro}</p>
        <label htmlFor={codeId}>{t.codeLabel}</label>
        <textarea id={codeId} readOnly value={code} rows={6} spellCheck={false} onFocus={(e) => e.currentTarget.select()} />
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
    </>
  );
}
