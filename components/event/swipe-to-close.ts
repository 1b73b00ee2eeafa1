/** How far down (px) a finger must pull the sheet for it to close; less springs it back. */
const CLOSE_DISTANCE = 80;

/**
 * A phone's bottom sheet closes as people expect one to: pulled down by one finger from its top.
 * The pull only starts while the sheet is scrolled to its top, so a downward swipe in the middle
 * of a long detail still scrolls it back up; the sheet follows the finger, and closes when let go
 * past CLOSE_DISTANCE (a sideways or upward move leaves it be).
 */
export function swipeToClose(el: HTMLElement, close: () => void, layout: MediaQueryList): () => void {
  let start: { x: number; y: number } | null = null;
  let pulled = 0;
  const settle = () => {
    el.style.transform = "";
    el.style.transition = "";
  };
  const onStart = (e: TouchEvent) => {
    start = layout.matches && e.touches.length === 1 && el.scrollTop <= 0 ? { x: e.touches[0].clientX, y: e.touches[0].clientY } : null;
    pulled = 0;
  };
  const onMove = (e: TouchEvent) => {
    if (!start) return;
    const dy = e.touches[0].clientY - start.y;
    const dx = e.touches[0].clientX - start.x;
    if (pulled === 0 && (dy <= 0 || Math.abs(dx) > dy)) {
      start = null; // an upward or sideways move: the sheet scrolls or the page does, as usual
      return;
    }
    e.preventDefault(); // the pull moves the sheet, not its content or the page
    pulled = Math.max(0, dy);
    el.style.transition = "none";
    el.style.transform = `translateY(${pulled}px)`;
  };
  const onEnd = () => {
    if (!start) return;
    start = null;
    settle();
    if (pulled > CLOSE_DISTANCE) close();
  };
  el.addEventListener("touchstart", onStart, { passive: true });
  el.addEventListener("touchmove", onMove, { passive: false });
  el.addEventListener("touchend", onEnd);
  el.addEventListener("touchcancel", onEnd);
  return () => {
    el.removeEventListener("touchstart", onStart);
    el.removeEventListener("touchmove", onMove);
    el.removeEventListener("touchend", onEnd);
    el.removeEventListener("touchcancel", onEnd);
    settle();
  };
}
