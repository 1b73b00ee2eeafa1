import type { UrlNotice as UrlNoticeModel } from "@/lib/view/url-notices";

/**
 * Says what the page ignored or corrected in the link it was opened with. A server component: it
 * adds no JavaScript, and its link is a plain one to the corrected address.
 */
export function UrlNotice({ notice, label }: { notice: UrlNoticeModel; label: string }) {
  return (
    <div className="url-notice" role="status" aria-label={label} data-testid="url-notice">
      <ul>
        {notice.lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <a href={notice.link.href}>{notice.link.text}</a>
    </div>
  );
}
