"use client";
import { useEffect, useRef, type ReactNode } from "react";

const RELS: Record<string, "prev" | "next"> = { ArrowLeft: "prev", ArrowRight: "next" };

/**
 * ←/→ between a tour's steps while focus is in its panel: they follow the panel's own Previous and
 * Next links (`rel="prev"`/`rel="next"`), so the keys go exactly where the links do.
 */
export function TourKeys({ children, label }: { children: ReactNode; label: string }) {
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    const element = panel.current;
    if (!element) return;
    const onKey = (e: KeyboardEvent) => {
      const rel = RELS[e.key];
      if (!rel || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      const link = element.querySelector<HTMLAnchorElement>(`a[rel="${rel}"]`);
      if (!link) return;
      e.preventDefault();
      link.click();
    };
    element.addEventListener("keydown", onKey);
    return () => element.removeEventListener("keydown", onKey);
  }, []);
  return (
    <section ref={panel} className="tour-panel" aria-label={label} data-testid="tour-panel">
      {children}
    </section>
  );
}
