"use client";
import { useState } from "react";
import { EXPORT_FORMATS } from "@/lib/query/export-formats";
import { exportHref } from "@/lib/query/endpoints";
import { useViewContext } from "../dashboard/ViewContext";
import { EmbedDialog } from "./EmbedDialog";

/**
 * "Copy link" for the exact view, "Embed" for its iframe code, and downloads of the matching events
 * in every export format. `viewName`: the view in words, which names an embedded frame.
 */
export function ShareAndExport({ viewName }: { viewName: string }) {
  const { query, text } = useViewContext();
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
    setTimeout(() => setCopied("idle"), 2500);
  };

  return (
    <div className="share">
      <button type="button" className="button" onClick={copy}>
        {copied === "copied" ? text.share.copied : text.share.copy}
      </button>
      <EmbedDialog viewName={viewName} />
      <span role="status" className="visually-hidden">
        {copied === "copied" ? text.share.copiedStatus : copied === "failed" ? text.share.failed : ""}
      </span>
      <span className="exports" aria-label={text.share.downloadLabel}>
        {/* Left out on a phone, where the formats then fit beside the buttons; the group's label says it. */}
        <span className="exports-label">{text.share.download} </span>
        {EXPORT_FORMATS.map((format) => (
          <a
            key={format}
            href={exportHref(query, { format })}
            download="" // the name is the server's (Content-Disposition), which says what the file holds
            className="export"
            data-format={format}
          >
            {text.share.formats[format]}
          </a>
        ))}
      </span>
    </div>
  );
}
