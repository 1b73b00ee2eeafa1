const RELS: Record<string, "prev" | "next"> = { ArrowLeft: "prev", ArrowRight: "next" };

/**
 * ←/→ between a tour's steps while focus is in its panel: they follow the panel's own Previous and
 * Next links (`rel="prev"`/`rel="next"`), so the keys go exactly where the links do. Returns the undo.
 */
export function followStepKeys(panel: HTMLElement): () => void {
  const onKey = (e: KeyboardEvent) => {
    const rel = RELS[e.key];
    if (!rel || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const link = panel.querySelector<HTMLAnchorElement>(`a[rel="${rel}"]`);
    if (!link) return;
    e.preventDefault();
    link.click();
  };
  panel.addEventListener("keydown", onKey);
  return () => panel.removeEventListener("keydown", onKey);
}
