"use client";
import { lazy, Suspense, useRef, useState } from "react";
import { useViewContext } from "../dashboard/ViewContext";

// The dialog and the embed code's writer load on the first click: few readers embed, and every
// reader's first scripts stay within the budget (e2e/budget.spec.ts).
const EmbedCode = lazy(() => import("./EmbedCode").then((m) => ({ default: m.EmbedCode })));

/** "Embed" beside "Copy link": opens the dialog with the iframe code of the view; closing it returns focus here. */
export function EmbedDialog({ viewName }: { viewName: string }) {
  const { text } = useViewContext();
  const opener = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button ref={opener} type="button" className="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {text.embed.button}
      </button>
      {open ? (
        <Suspense fallback={null}>
          <EmbedCode
            viewName={viewName}
            onClose={() => {
              setOpen(false);
              opener.current?.focus();
            }}
          />
        </Suspense>
      ) : null}
    </>
  );
}
