"use client";
import { useEffect, useRef, type ReactNode } from "react";

/**
 * The tour's panel, with ←/→ between its steps (tour-keys.ts). The keys' code loads once the panel is
 * on screen: only a reader in a tour needs it, so every other reader's first scripts stay lighter.
 */
export function TourKeys({ children, label }: { children: ReactNode; label: string }) {
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    let undo: (() => void) | null = null;
    let gone = false;
    void import("./tour-keys").then(({ followStepKeys }) => {
      if (!gone && panel.current) undo = followStepKeys(panel.current);
    });
    return () => {
      gone = true;
      undo?.();
    };
  }, []);
  return (
    <section ref={panel} className="tour-panel" aria-label={label} data-testid="tour-panel">
      {children}
    </section>
  );
}
