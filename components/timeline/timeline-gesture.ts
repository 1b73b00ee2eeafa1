import type { TimeWindow } from "@/lib/core/time-window";

/**
 * The reader's hand on the timeline, as an explicit state rather than a guess from the clock:
 *
 *   idle ──(user range change, hand down)──▶ dragging ──(hand lifted)──▶ settling ──(rangechanged)──▶ idle
 *
 * A wheel or Shift+wheel step has no hand down: it goes straight to settling, because vis-timeline
 * announces the end of such a change (`rangechanged`) only 200 ms after the last step. A mouse drag
 * passes through settling for an instant: vis emits `rangechanged` on the same pointerup.
 * While not idle, the URL's window is not pushed back onto the timeline (it would fight the hand).
 */
export type GesturePhase = "idle" | "dragging" | "settling";

export interface GestureState {
  phase: GesturePhase;
  /** A pointer or finger is down on the timeline (it may be a tap, not a drag). */
  held: boolean;
  /** The window as vis last settled it: what a finished gesture is compared with. */
  settled: TimeWindow;
}

export type GestureEvent =
  | { type: "press" }
  | { type: "release" }
  | { type: "rangechange"; byUser: boolean; window: TimeWindow }
  | { type: "rangechanged"; byUser: boolean; window: TimeWindow };

/** What the parent hears: every step of the hand live, then the window it settled on. */
export type GestureEffect =
  { kind: "scrub"; window: TimeWindow; before: TimeWindow } | { kind: "scrubEnd"; window: TimeWindow; before: TimeWindow };

export const initialGesture = (settled: TimeWindow): GestureState => ({ phase: "idle", held: false, settled });

export function gestureStep(state: GestureState, event: GestureEvent): { state: GestureState; effect: GestureEffect | null } {
  switch (event.type) {
    case "press":
      return { state: { ...state, held: true }, effect: null };
    case "release":
      return { state: { ...state, held: false, phase: state.phase === "dragging" ? "settling" : state.phase }, effect: null };
    case "rangechange":
      // Programmatic moves (the URL's window, a key press, an animated zoom) are not the hand's.
      if (!event.byUser) return { state, effect: null };
      return {
        state: { ...state, phase: state.held ? "dragging" : "settling" },
        effect: { kind: "scrub", window: event.window, before: state.settled },
      };
    case "rangechanged": {
      const settled = { ...state, settled: event.window };
      if (event.byUser)
        return { state: { ...settled, phase: "idle" }, effect: { kind: "scrubEnd", window: event.window, before: state.settled } };
      // vis debounces rangechanged, so a programmatic move during settling replaces the hand's pending
      // one: the gesture still ends, with the window vis settled on. During a drag the hand goes on.
      if (state.phase === "settling")
        return { state: { ...settled, phase: "idle" }, effect: { kind: "scrubEnd", window: event.window, before: state.settled } };
      return { state: settled, effect: null };
    }
  }
}
