import type { CSSProperties } from "react";
import type { StoreSnapshot } from "@/lib/data/store";
import { translator } from "@/lib/i18n/translator";
import { drawable } from "@/lib/og/fonts";
import { fitText } from "@/lib/og/text-fit";
import { readLink } from "@/lib/tours/steps";
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

/**
 * What a view's preview says, in the view's language: the fonts are chosen for exactly these texts.
 * A tour's step (`tour` and `step` in the search) is headed by its title, under its tour's and its
 * place in it, with the view's compact title below: the step's page and its preview say the same.
 */
export async function previewContent(search: string, snapshot: StoreSnapshot) {
  const params = new URLSearchParams(search);
  const [view, { step }] = await Promise.all([summarizeView(params, snapshot), readLink(snapshot, params)]);
  const { query, title, sentence, matched, years, allYears } = view;
  const t = translator(query.lang);
  if (!step) return { site: t("site.heading"), title, sentence, matched, years, allYears };
  const { tour, index } = step;
  const stepOf = t("tour.stepOf", { index: index + 1, count: tour.steps.length });
  return { site: `${tour.title[query.lang]} · ${stepOf}`, title: step.step.title[query.lang], sentence: title, matched, years, allYears };
}

interface Props {
  content: Awaited<ReturnType<typeof previewContent>>;
  covered: ReadonlySet<number>;
  fontFamily: string;
  /**
   * Drawn at this fraction of the preview's size (a playback's GIF frames): every length is scaled,
   * the text fitted as at full size, so a frame says what the preview says. (A CSS transform would
   * be shorter, but satori clips overflowing text in the untransformed box.)
   */
  scale?: number;
}

/** The link-preview image for a view: its title, its sentence, and a bar per year of its events. */
export function PreviewImage({ content, covered, fontFamily, scale = 1 }: Props) {
  const { site, title, sentence, years: counts, allYears: all } = content;
  const px = (n: number) => n * scale;
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
        padding: px(PADDING),
        background: "#f4f6fa",
        color: "#1d2433",
        fontFamily,
      }}
    >
      <div style={{ ...clamp(1, px(28), 1.25), color: "#0b5cad" }}>{drawable(site, covered)}</div>
      <div style={{ ...clamp(2, px(heading.fontSize), 1.12), fontWeight: 700, marginTop: px(18) }}>{heading.text}</div>
      <div style={{ ...clamp(2, px(line.fontSize), 1.3), marginTop: px(14), color: "#5b6477" }}>{line.text}</div>
      <div style={{ display: "flex", alignItems: "flex-end", gap: px(12), marginTop: "auto", height: px(200), flexShrink: 0 }}>
        {years.map((year) => (
          <div key={year} style={{ display: "flex", flexDirection: "column", alignItems: "center", flex: 1 }}>
            {/* The whole dataset's year in grey, this view's share of it in blue. */}
            <div
              style={{
                display: "flex",
                alignItems: "flex-end",
                width: "100%",
                height: Math.round(px(160 * (all.get(year) ?? 0)) / max),
                background: "#d9dee8",
                borderRadius: px(4),
              }}
            >
              <div
                style={{
                  width: "100%",
                  height: Math.round(px(160 * (counts.get(year) ?? 0)) / max),
                  background: "#0b5cad",
                  borderRadius: px(4),
                }}
              />
            </div>
            <div style={{ fontSize: px(20), marginTop: px(6), color: "#5b6477" }}>{year}</div>
          </div>
        ))}
      </div>
    </div>
  );
}
