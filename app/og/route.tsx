import { ImageResponse } from "next/og";
import type { NextRequest } from "next/server";
import { countBy } from "@/lib/filter";
import { getStore } from "@/lib/store";
import { summarizeView } from "@/lib/view-summary";

// The bundled font covers Latin only, and fetching others needs a network the server may not have.
const latinOnly = (s: string) => (/^[\u0000-\u024f\u2010-\u201f\u2026·–—]*$/.test(s) ? s : s.replace(/[^\u0000-\u024f\u2010-\u201f\u2026·–—]+/g, "…"));

/** The link-preview image for a view: its title, its sentence, and a bar per year of its events. */
export async function GET(request: NextRequest) {
  const store = await getStore().catch(() => null);
  if (!store) return new Response("The dataset could not be loaded", { status: 503 });
  const { index } = store;
  const { title, sentence, matched } = summarizeView(request.nextUrl.searchParams, store);
  const all = countBy(index.events, "year");
  const years = [...all.keys()].sort();
  const counts = countBy(matched, "year");
  const max = Math.max(1, ...all.values()); // bars share the whole dataset's scale, so views compare
  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", padding: 56, background: "#f4f6fa", color: "#1d2433" }}>
        <div style={{ fontSize: 28, color: "#0b5cad" }}>China–UNESCO education cooperation, 2014–2025</div>
        <div style={{ fontSize: 64, fontWeight: 700, marginTop: 18, lineHeight: 1.1 }}>{latinOnly(title)}</div>
        <div style={{ fontSize: 30, marginTop: 16, color: "#5b6477" }}>{latinOnly(sentence)}</div>
        <div style={{ display: "flex", alignItems: "flex-end", gap: 12, marginTop: "auto", height: 200 }}>
          {years.map((year) => (
            <div key={year} style={{ display: "flex", flexDirection: "column", alignItems: "center", flex: 1 }}>
              {/* The whole dataset's year in grey, this view's share of it in blue. */}
              <div style={{ display: "flex", alignItems: "flex-end", width: "100%", height: Math.round((160 * (all.get(year) ?? 0)) / max), background: "#d9dee8", borderRadius: 4 }}>
                <div style={{ width: "100%", height: Math.round((160 * (counts.get(year) ?? 0)) / max), background: "#0b5cad", borderRadius: 4 }} />
              </div>
              <div style={{ fontSize: 20, marginTop: 6, color: "#5b6477" }}>{year}</div>
            </div>
          ))}
        </div>
      </div>
    ),
    { width: 1200, height: 630 },
  );
}
