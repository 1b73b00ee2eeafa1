import { fitLabels, type PlacedItem } from "@/lib/timeline/label-fit";

/**
 * After each vis-timeline redraw: labels end where there is room (lib/timeline/label-fit.ts), axis labels cut
 * by the panel's edges are hidden (no "3" or "014" before 2014), and the timeline stays ONE tab
 * stop: only the current item is tabbable (roving focus, moved by the arrow keys). Every
 * measurement is read before anything is written, so the pass costs one layout.
 */
export function tidyAfterRedraw(root: HTMLElement, current: string | null): void {
  const center = root.querySelector<HTMLElement>(".vis-panel.vis-center");
  const top = root.querySelector<HTMLElement>(".vis-panel.vis-top");
  if (!center || !top) return;
  const panel = center.getBoundingClientRect();
  const axis = top.getBoundingClientRect();

  const axisLabels = [...top.querySelectorAll<HTMLElement>(".vis-text")];
  for (const label of axisLabels) label.style.visibility = "";
  // The text's own extent: vis sizes each label's box to its whole step, so the last year's box runs
  // past the edge even where "2025" itself fits (it was hidden at 1024 and 390px).
  const text = document.createRange();
  const cutLabels = axisLabels.filter((label) => {
    text.selectNodeContents(label);
    const r = text.getBoundingClientRect();
    return r.width > 0 && (r.left < axis.left - 0.5 || r.right > axis.right + 0.5);
  });

  const rooms: { body: HTMLElement; maxWidth: number | null; shift: number | null }[] = [];
  const onScreen: { body: HTMLElement; x: number }[] = [];
  for (const group of center.querySelectorAll<HTMLElement>(".vis-foreground .vis-group")) {
    const placed: PlacedItem[] = [];
    const bodies = new Map<string, HTMLElement>();
    group.querySelectorAll<HTMLElement>(":scope > .vis-item").forEach((item, i) => {
      const box = item.getBoundingClientRect();
      const dot = item.querySelector(".vis-dot")?.getBoundingClientRect();
      const body = item.querySelector<HTMLElement>(".tl-item-body");
      const anchor = (dot ? dot.left : box.left) - panel.left;
      const id = String(i);
      if (body) {
        bodies.set(id, body);
        const x = body.getBoundingClientRect().left - panel.left;
        if ((dot ? anchor : box.right - panel.left) >= 0) onScreen.push({ body, x: Math.max(anchor, 0) });
        placed.push({
          id,
          anchor,
          end: dot ? undefined : box.right - panel.left,
          labelLeft: x - labelShift(body),
          selected: item.classList.contains("tl-selected"),
          natural: body.scrollWidth,
        });
      } else {
        placed.push({ id, anchor, labelLeft: anchor }); // a cluster: only in the way of others
      }
    });
    for (const room of fitLabels(placed, panel.width)) {
      const body = bodies.get(room.id);
      const placedItem = placed.find((p) => p.id === room.id);
      if (body)
        rooms.push({
          body,
          maxWidth: room.maxWidth,
          shift: room.flippedLeft === undefined ? null : room.flippedLeft - placedItem!.labelLeft,
        });
    }
  }

  for (const label of cutLabels) label.style.visibility = "hidden";
  for (const { body, maxWidth, shift } of rooms) {
    body.classList.toggle("tl-nolabel", maxWidth === null);
    // A flipped label's width is exactly its room, so that its right edge lands beside its point.
    body.style.maxWidth = maxWidth === null ? "" : shift === null ? `min(22em, ${maxWidth}px)` : `${maxWidth}px`;
    body.style.translate = shift === null ? "" : `${shift}px 0`;
  }
  rovingTabStop(root, onScreen, current);
}

/** How far an earlier pass moved a label to the left of its point (its own place is measured from there). */
function labelShift(body: HTMLElement): number {
  return body.style.translate ? parseFloat(body.style.translate) : 0;
}

/** The current event's item is the timeline's one tab stop; without one, the first on screen by date. */
function rovingTabStop(root: HTMLElement, onScreen: { body: HTMLElement; x: number }[], current: string | null) {
  const all = root.querySelectorAll<HTMLElement>(".tl-item-body[data-event-id]");
  let stop = current ? [...all].find((b) => b.dataset.eventId === current && onScreen.some((s) => s.body === b)) : undefined;
  stop ??= [...onScreen].sort((a, b) => a.x - b.x)[0]?.body;
  for (const body of all) body.tabIndex = body === stop ? 0 : -1;
  // With no item to land on (an empty view, only clusters), the timeline itself takes the tab stop.
  if (stop) root.removeAttribute("tabindex");
  else root.tabIndex = 0;
}
