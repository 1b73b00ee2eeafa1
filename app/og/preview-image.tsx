import type { CSSProperties } from "react";
import type { StoreSnapshot } from "@/lib/data/store";
import { translator } from "@/lib/i18n/translator";
import { drawable } from "@/lib/og/fonts";
import { fitText } from "@/lib/og/text-fit";
import { summarizeView } from "@/lib/view/view-summary";

export const PREVIEW_SIZE = { width: 1200, height: 630 } as const;
const PADDING = 56;
const TEXT_WIDTH = PREVIEW_SIZE.width - 2 * PADDING;

// `lineClamp` with `display: block` is satori's own clamp: the backstop for what fitText's estimate misses.
const clamp = (lines: number, fontSize: number, lineHeight: number): CSSProperties => ({
  display: "block",
  lineClamp: lines,
  fontSize,
  lineHeight,
  maxHeight: Math.ceil(lines * fontSize * lineHeight),
  overflow: "hidden",
});

/** What a view's preview says, in the view's language: the fonts are chosen for exactly these texts. */
export async function previewContent(search: string, snapshot: StoreSnapshot) {
  const { query, title, sentence, matched, years, allYears } = await summarizeView(new URLSearchParams(search), snapshot);
  return { site: translator(query.lang)("site.heading"), title, sentence, matched, years, allYears };
}

interface Props {
  content: Awaited<ReturnType<typeof previewContent>>;
  covered: ReadonlySet<number>;
  fontFamily: string;
}

/** The link-preview image for a view: its title, its sentence, and a bar per year of its events. */
export function PreviewImage({ content, covered, fontFamily }: Props) {
  const { site, title, sentence, years: counts, allYears: all } = content;
  const heading = fitText(drawable(title, covered), { width: TEXT_WIDTH, lines: 2, sizes: [64, 54, 46], em: 0.62 });
  const line = fitText(drawable(sentence, covered), { width: TEXT_WIDTH, lines: 2, sizes: [30, 26] });
  const years = [...all.keys()].sort();
  const max = Math.max(1, ...all.values()); // bars share the whole dataset's scale, so views compare
  return (
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        padding: PADDING,
        background: "#f4f6fa",
        color: "#1d2433",
        fontFamily,
      }}
    >
      <div style={{ fontSize: 28, color: "#0b5cad" }}>{drawable(site, covered)}</div>
      <div style={{ ...clamp(2, heading.fontSize, 1.12), fontWeight: 700, marginTop: 18 }}>{heading.text}</div>
      <div style={{ ...clamp(2, line.fontSize, 1.3), marginTop: 14, color: "#5b6477" }}>{line.text}</div>
      <div style={{ display: "flex", alignItems: "flex-end", gap: 12, marginTop: "auto", height: 200, flexShrink: 0 }}>
        {years.map((year) => (
          <div key={year} style={{ display: "flex", flexDirection: "column", alignItems: "center", flex: 1 }}>
            {/* The whole dataset's year in grey, this view's share of it in blue. */}
            <div
              style={{
                display: "flex",
                alignItems: "flex-end",
                width: "100%",
                height: Math.round((160 * (all.get(year) ?? 0)) / max),
                background: "#d9dee8",
                borderRadius: 4,
              }}
            >
              <div
                style={{ width: "100%", height: Math.round((160 * (counts.get(year) ?? 0)) / max), background: "#0b5cad", borderRadius: 4 }}
              />
            </div>
            <div style={{ fontSize: 20, marginTop: 6, color: "#5b6477" }}>{year}</div>
          </div>
        ))}
      </div>
    </div>
  );
}
